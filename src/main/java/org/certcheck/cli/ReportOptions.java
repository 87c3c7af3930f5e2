package org.certcheck.cli;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Map;

import org.certcheck.report.JsonReporter;
import org.certcheck.report.Report;
import org.certcheck.report.TableReporter;
import org.certcheck.report.TableStyle;

import picocli.CommandLine.Option;

/** How the report is shown; shared by the check and the demo. */
final class ReportOptions {
    enum Format { table, json }

    enum ColorMode { auto, always, never }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Report format on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

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

    int verbosity() {
        return details.length;
    }

    void write(Report report, PrintWriter out, Map<String, String> environment) {
        if (format == Format.json) {
            try {
                new JsonReporter().write(report, out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write the JSON report", e);
            }
        } else {
            new TableReporter(new TableStyle(useColor(environment), verbosity() > 0, width(environment)))
                    .write(report, out);
        }
        out.flush();
    }

    /** Renders the report in every format into nothing, so all their classes get loaded. */
    void train(Report report, Map<String, String> environment) {
        PrintWriter nowhere = new PrintWriter(java.io.Writer.nullWriter());
        new TableReporter(new TableStyle(true, true, 100)).write(report, nowhere);
        try {
            new JsonReporter().write(report, nowhere);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private boolean useColor(Map<String, String> environment) {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> !environment.containsKey("NO_COLOR") && !"dumb".equals(environment.get("TERM"))
                    && stdoutIsTerminal();
        };
    }

    private static int width(Map<String, String> environment) {
        try {
            return Integer.parseInt(environment.getOrDefault("COLUMNS", "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Java 22+ has Console.isTerminal(); before it, a console exists only on a terminal. */
    static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
