package org.certcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certcheck.report.Report;
import org.certcheck.report.Reporter;
import org.certcheck.report.StreamingReporter;
import org.certcheck.report.Verdict;

/**
 * The outputs of one run: every {@code --output}, each to stdout or to its own {@link AtomicFile},
 * plus the progress line. Files are created when the run starts, so a bad path fails before any
 * host is checked; streaming formats get each verdict as it arrives, the others the whole report at
 * the end; files are renamed into place only when everything was written.
 */
final class Outputs implements AutoCloseable {
    /** One output: its name for messages ({@code junit}), its file (none: stdout), and what renders it. */
    record Output(String name, Optional<Path> file, Reporter reporter) {
        static Output of(OutputTarget target, Reporter reporter) {
            return new Output(target.format().name(), target.file(), reporter);
        }

        /** Whether it gets each verdict as it arrives rather than the whole report at the end. */
        boolean streams() {
            return reporter instanceof StreamingReporter;
        }

        String describe() {
            return name + file.map(path -> " report to " + path).orElse(" report on stdout");
        }
    }

    private record Sink(Output output, Writer writer, Optional<AtomicFile> file) {
    }

    private final List<Sink> sinks;
    private final Instant checkedAt;
    private final Optional<Progress> progress;

    private Outputs(List<Sink> sinks, Instant checkedAt, Optional<Progress> progress) {
        this.sinks = sinks;
        this.checkedAt = checkedAt;
        this.progress = progress;
    }

    /** Opens every file now; on a failure closes what was opened and throws a {@link UsageException}. */
    static Outputs open(List<Output> outputs, PrintWriter stdout, Instant checkedAt, Optional<Progress> progress) {
        List<Sink> sinks = new ArrayList<>();
        Outputs opened = new Outputs(sinks, checkedAt, progress);
        try {
            for (Output output : outputs) {
                if (output.file().isEmpty()) {
                    sinks.add(new Sink(output, stdout, Optional.empty()));
                    continue;
                }
                AtomicFile file;
                try {
                    file = AtomicFile.create(output.file().get());
                } catch (IOException e) {
                    throw new UsageException("cannot write the " + output.describe() + ": " + reason(e), e);
                }
                sinks.add(new Sink(output, file.writer(), Optional.of(file)));
            }
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    /** Whether any output writes verdicts as they arrive (JSON Lines). */
    boolean streams() {
        return sinks.stream().anyMatch(sink -> sink.output().streams());
    }

    /** One verdict is known: streaming outputs write it now. Called by one thread at a time. */
    void arrived(Verdict verdict) {
        progress.ifPresent(p -> p.arrived(verdict));
        for (Sink sink : sinks) {
            if (sink.output().reporter() instanceof StreamingReporter streaming) {
                try {
                    streaming.write(verdict, checkedAt, sink.writer());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the " + sink.output().describe(), e);
                }
            }
        }
    }

    /** The run is over: every other output writes the report, then each file is renamed into place. */
    void finish(Report report) {
        progress.ifPresent(Progress::close);
        for (Sink sink : sinks) {
            try {
                if (!sink.output().streams()) {
                    sink.output().reporter().write(report, sink.writer());
                }
                sink.writer().flush();
                if (sink.writer() instanceof PrintWriter stdout && stdout.checkError()) {
                    throw new UsageException(StandardOutput.FAILED);
                }
                if (sink.file().isPresent()) {
                    sink.file().get().commit();
                }
            } catch (IOException e) {
                throw new UsageException("cannot write the " + sink.output().describe() + ": " + reason(e), e);
            }
        }
    }

    /** Deletes every file that was not committed and erases the progress line. */
    @Override
    public void close() {
        progress.ifPresent(Progress::close);
        sinks.forEach(sink -> sink.file().ifPresent(AtomicFile::close));
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such directory";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
