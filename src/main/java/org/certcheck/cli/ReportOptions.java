package org.certcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.certcheck.report.CsvReporter;
import org.certcheck.report.HtmlReporter;
import org.certcheck.report.IcsReporter;
import org.certcheck.report.JsonLinesReporter;
import org.certcheck.report.JsonReporter;
import org.certcheck.report.JunitReporter;
import org.certcheck.report.NagiosReporter;
import org.certcheck.report.PrometheusReporter;
import org.certcheck.report.Report;
import org.certcheck.report.Reporter;
import org.certcheck.report.ShardStamp;
import org.certcheck.report.Status;
import org.certcheck.report.TableReporter;
import org.certcheck.report.TableStyle;
import org.certcheck.report.VerdictOrder;
import org.certcheck.validate.Policy;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How and where the report is shown; shared by the check and the demo. */
final class ReportOptions {
    enum ColorMode { auto, always, never }

    enum SortKey {
        input(VerdictOrder.INPUT), status(VerdictOrder.STATUS), expiry(VerdictOrder.EXPIRY), target(VerdictOrder.TARGET);

        final VerdictOrder order;

        SortKey(VerdictOrder order) {
            this.order = order;
        }
    }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT[=FILE]", converter = OutputTarget.Converter.class,
            completionCandidates = OutputTarget.Candidates.class,
            description = "Report format, written to FILE (atomically: temp file, then rename) or to stdout: "
                    + "table, json, jsonl (one line per target as it is checked), junit, prometheus, csv, html, ics (renewal calendar, RFC 5545). Repeatable: "
                    + "one on stdout, any number to files. Default: table on stdout.")
    List<OutputTarget> outputs = new ArrayList<>();

    @Option(names = {"-q", "--quiet"},
            description = "For cron: print nothing when every target passed, otherwise only the rows that did "
                    + "not pass and the summary. Files always get the whole report.")
    boolean quiet;

    @Option(names = "--nagios",
            description = "Nagios/Icinga plugin mode: one status line with performance data (days left per "
                    + "target) on stdout, then the targets that did not pass; exit 0 OK, 1 WARNING, 2 CRITICAL, "
                    + "3 UNKNOWN. --output can still write files.")
    boolean nagios;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "input",
            description = "Order of the targets: input, status (worst first), expiry (soonest first), "
                    + "target (by name) (default: ${DEFAULT-VALUE}). jsonl lines come as targets finish.")
    SortKey sort;

    @Option(names = {"-v", "--details"},
            description = "Show certificate details (subject, issuer, SANs, serial, fingerprint, key, chain, "
                    + "protocol, cipher) and informational findings. Twice (-vv): also debug logs on stderr.")
    boolean[] details = new boolean[0];

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Color the table: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: only on a "
                    + "terminal, and never when NO_COLOR is set).")
    ColorMode color;

    @Option(names = "--debug", description = "Debug logs and stack traces on stderr.")
    boolean debug;

    /** Set by the check before {@link #start} when it runs one shard: its JSON says so. */
    Optional<ShardStamp> shard = Optional.empty();

    int verbosity() {
        return details.length;
    }

    /**
     * Checks the outputs, opens their files and, on a terminal, the progress line counting up to
     * {@code total}. Throws a {@link UsageException} for two outputs on stdout, one file named
     * twice, or a file that cannot be created.
     */
    Outputs start(CommandLine commandLine, Map<String, String> environment, Instant checkedAt, Progress.Total total,
            Policy policy, boolean failOnWarn) {
        List<OutputTarget> targets = outputs.isEmpty() && !nagios
                ? List.of(OutputTarget.stdout(OutputFormat.table)) : outputs;
        if (nagios && targets.stream().anyMatch(t -> t.file().isEmpty())) {
            throw new UsageException("--nagios writes the plugin output on stdout: send --output to a file, "
                    + "e.g. --output json=report.json");
        }
        List<String> onStdout = targets.stream().filter(t -> t.file().isEmpty()).map(t -> t.format().name()).toList();
        if (onStdout.size() > 1) {
            throw new UsageException("only one report can go to stdout, got " + String.join(" and ", onStdout)
                    + ": send the others to files, e.g. --output " + onStdout.get(1) + "=report." + onStdout.get(1));
        }
        Set<Path> files = new HashSet<>();
        for (OutputTarget target : targets) {
            if (target.file().isPresent() && !files.add(target.file().get().toAbsolutePath().normalize())) {
                throw new UsageException("two reports would be written to " + target.file().get()
                        + ": give each --output its own file");
            }
        }
        List<Outputs.Output> all = new ArrayList<>();
        targets.forEach(target -> all.add(Outputs.Output.of(target, reporter(target, environment, policy, failOnWarn))));
        if (nagios) {
            all.add(new Outputs.Output("nagios", Optional.empty(), new NagiosReporter(policy)));
        }
        // jsonl lines on the same terminal would be cut by the redrawn line.
        boolean streamsToStdout = all.stream().anyMatch(output -> output.streams() && output.file().isEmpty());
        PrintWriter err = commandLine.getErr();
        Optional<Progress> progress = !quiet && !streamsToStdout && Terminal.stderrIsTerminal()
                ? Optional.of(new Progress(err, total).start()) : Optional.empty();
        return Outputs.open(all, commandLine.getOut(), checkedAt, progress);
    }

    /**
     * Writes a report that was complete before any output opened (verify, inventory) to every
     * output, and returns the process exit code.
     */
    int publish(CommandLine commandLine, Map<String, String> environment, Report report, Policy policy,
            boolean failOnWarn) {
        try (Outputs outputs = start(commandLine, environment, report.checkedAt(),
                Progress.Total.rows(report.verdicts().size()), policy, failOnWarn)) {
            outputs.finish(arrange(report));
            return exitCode(report, failOnWarn);
        }
    }

    /** The process exit code: the plugin's state with --nagios, else certcheck's own. */
    int exitCode(Report report, boolean failOnWarn) {
        return nagios ? NagiosReporter.State.of(report).exitCode() : ExitCode.of(report, failOnWarn);
    }

    /** The report in the order {@code --sort} asks for. */
    Report arrange(Report report) {
        return sort.order.apply(report);
    }

    private Reporter reporter(OutputTarget target, Map<String, String> environment, Policy policy,
            boolean failOnWarn) {
        boolean stdout = target.file().isEmpty();
        return switch (target.format()) {
            case table -> stdout ? terminalTable(environment) : new TableReporter(
                    new TableStyle(false, verbosity() > 0, 0));
            case json -> new JsonReporter(shard);
            case jsonl -> new JsonLinesReporter();
            case junit -> new JunitReporter(failOnWarn);
            case prometheus -> new PrometheusReporter(failOnWarn);
            case csv -> new CsvReporter();
            case html -> new HtmlReporter(policy.warnDays());
            case ics -> new IcsReporter(policy.warnDays());
        };
    }

    /** Color and width for a terminal; with --quiet only problem rows, and nothing at all when every target passed. */
    private Reporter terminalTable(Map<String, String> environment) {
        TableReporter table = new TableReporter(
                new TableStyle(useColor(environment), verbosity() > 0, Terminal.width(environment), quiet));
        return (report, out) -> {
            if (quiet && report.verdicts().stream().allMatch(v -> v.status() == Status.PASS)) {
                return;
            }
            table.write(report, out);
        };
    }

    /** Renders the report in every format into nothing, so all their classes get loaded. */
    void train(Report report, Map<String, String> environment) {
        PrintWriter nowhere = new PrintWriter(java.io.Writer.nullWriter());
        new TableReporter(new TableStyle(true, true, 100)).write(report, nowhere);
        try {
            new JsonReporter().write(report, nowhere);
            new JsonLinesReporter().write(report, nowhere);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private boolean useColor(Map<String, String> environment) {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> !environment.containsKey("NO_COLOR") && !"dumb".equals(environment.get("TERM"))
                    && Terminal.stdoutIsTerminal();
        };
    }
}
