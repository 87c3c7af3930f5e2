package org.certcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certcheck.report.JsonLinesReporter;
import org.certcheck.report.Report;
import org.certcheck.report.Reporter;
import org.certcheck.report.Verdict;

/**
 * The outputs of one run: every {@code --output}, each to stdout or to its own {@link AtomicFile},
 * plus the progress line. Files are created when the run starts, so a bad path fails before any
 * host is checked; streaming formats get each verdict as it arrives, the others the whole report at
 * the end; files are renamed into place only when everything was written.
 */
final class Outputs implements AutoCloseable {
    /** One output: where it goes (and in which format it streams or not), and what renders it. */
    record Output(OutputTarget target, Reporter reporter) {
    }

    private record Sink(OutputTarget target, Reporter reporter, Writer writer, Optional<AtomicFile> file) {
    }

    private final List<Sink> sinks;
    private final Instant checkedAt;
    private final Optional<Progress> progress;
    private final JsonLinesReporter lines = new JsonLinesReporter();

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
                OutputTarget target = output.target();
                if (target.file().isEmpty()) {
                    sinks.add(new Sink(target, output.reporter(), stdout, Optional.empty()));
                    continue;
                }
                AtomicFile file;
                try {
                    file = AtomicFile.create(target.file().get());
                } catch (IOException e) {
                    throw new UsageException("cannot write the " + target.format() + " report to " + target.file().get()
                            + ": " + reason(e), e);
                }
                sinks.add(new Sink(target, output.reporter(), file.writer(), Optional.of(file)));
            }
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    /** One verdict is known: streaming outputs write it now. Called by one thread at a time. */
    void arrived(Verdict verdict) {
        progress.ifPresent(p -> p.arrived(verdict));
        for (Sink sink : sinks) {
            if (sink.target().format().streams()) {
                try {
                    lines.write(verdict, checkedAt, sink.writer());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the " + sink.target().describe(), e);
                }
            }
        }
    }

    /** The run is over: every other output writes the report, then each file is renamed into place. */
    void finish(Report report) {
        progress.ifPresent(Progress::close);
        for (Sink sink : sinks) {
            try {
                if (!sink.target().format().streams()) {
                    sink.reporter().write(report, sink.writer());
                }
                sink.writer().flush();
                if (sink.file().isPresent()) {
                    sink.file().get().commit();
                }
            } catch (IOException e) {
                throw new UsageException("cannot write the " + sink.target().describe() + ": " + reason(e), e);
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
