package org.certcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.certcheck.files.BoundedFile;
import org.certcheck.report.JsonReportMerger;
import org.certcheck.report.JsonReporter;
import org.certcheck.report.Status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code certcheck merge}: one report and one exit code from the JSON reports of several shards
 * ({@code --shard K/N}), as if one machine had checked the whole list.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
            "Combines the JSON reports of shards (certcheck --shard K/N -o json) into one JSON",
            "report on stdout, with the exit code a single run over all targets would have had.",
            "A one-line summary goes to stderr."})
final class MergeCommand implements Callable<Integer> {
    /** Some 200,000 targets at about 1 KiB each; more is not a report, or wants more shards. */
    static final int MAX_REPORT_BYTES = 256 << 20;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REPORT.json", arity = "1..*", description = "JSON reports to merge, in order.")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "fail",
            description = "Lowest status that makes the exit code 1: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PolicyOptions.FailOn failOn;

    @Override
    public Integer call() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonReportMerger merger = new JsonReportMerger();
        for (Path report : reports) {
            try {
                merger.add(mapper.readTree(BoundedFile.read(report, MAX_REPORT_BYTES)), report.toString());
            } catch (BoundedFile.TooLarge e) {
                throw new UsageException(report + ": " + e.getMessage() + ", too large for a shard's report"
                        + " (read stopped there)");
            } catch (java.nio.file.NoSuchFileException e) {
                throw new UsageException(report + ": no such file");
            } catch (JsonProcessingException e) {
                throw new UsageException(report + ": not JSON: " + e.getOriginalMessage());
            } catch (IllegalArgumentException e) {
                throw new UsageException(report + ": " + e.getMessage());
            } catch (IOException e) {
                throw new UsageException(report + ": cannot read it: " + BoundedFile.reason(e));
            }
        }
        try {
            merger.checkComplete();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        new JsonReporter().write(merger.merged(), out);
        if (out.checkError()) {
            throw new UsageException(StandardOutput.FAILED);
        }
        PrintWriter err = spec.commandLine().getErr();
        merger.duplicates().forEach(target -> err.println("certcheck merge: " + target
                + " appears in more than one report; kept the first"));
        var summary = merger.merged().get("summary");
        err.println("certcheck merge: " + reports.size() + " reports, " + summary.get("total") + " checked: "
                + summary.get("pass") + " pass, " + summary.get("warn") + " warn, " + summary.get("fail") + " fail, "
                + summary.get("unknown") + " unknown");
        err.flush();
        List<Status> statuses = new ArrayList<>(merger.statuses());
        statuses.addAll(merger.casStatuses()); // a stale CRL fails the merged run as it failed its shard's
        return ExitCode.of(statuses, merger.internalError(), failOn == PolicyOptions.FailOn.warn);
    }
}
