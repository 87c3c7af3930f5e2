package org.certcheck.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.certcheck.finding.Finding;
import org.certcheck.finding.Printable;
import org.certcheck.finding.Severity;
import org.certcheck.validate.Policy;

/**
 * The report as the output of a Nagios/Icinga plugin (Nagios Plugin Development Guidelines,
 * "Plugin Output" and "Performance data"): a first line with the service state and the summary,
 * then performance data after {@code |}, then one line per target that did not pass (the "long
 * output" that Nagios 3+ and Icinga show in the service details).
 *
 * <pre>
 * CERTCHECK CRITICAL - 4 checked: 1 pass, 1 warn, 1 fail, 1 unknown | 'www.corp.test:443'=89;30:;7: ...
 * FAIL old.corp.test:443: expired 3 days ago (notAfter 2026-11-20 12:00 UTC): renew it
 * </pre>
 *
 * Performance data: days left per target that showed a certificate, with the thresholds as
 * ranges ({@code 30:} alerts below 30, as the guidelines define ranges), so a graphing add-on can
 * plot every certificate's remaining life. Labels are quoted, quotes in them doubled.
 */
public final class NagiosReporter implements Reporter {
    /** Plugin states and their exit codes, from the guidelines' "Plugin Return Codes". */
    public enum State {
        OK(0), WARNING(1), CRITICAL(2), UNKNOWN(3);

        private final int exitCode;

        State(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }

        /**
         * A failure is CRITICAL; else a target that could not be checked is UNKNOWN; else a warning is
         * WARNING. An issuing CA's CRL health counts as a target does (a stale CRL is CRITICAL).
         */
        public static State of(Report report) {
            Map<Status, Integer> counts = report.countByStatus();
            List<Status> cas = report.casStatuses();
            if (counts.get(Status.FAIL) > 0 || cas.contains(Status.FAIL)) {
                return CRITICAL;
            }
            if (counts.get(Status.UNKNOWN) > 0) {
                return UNKNOWN;
            }
            return counts.get(Status.WARN) > 0 || cas.contains(Status.WARN) ? WARNING : OK;
        }
    }

    private final Policy policy;

    /** @param policy the thresholds written as the warning and critical ranges of the performance data */
    public NagiosReporter(Policy policy) {
        this.policy = policy;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        List<String> perfdata = new ArrayList<>();
        for (Verdict verdict : report.verdicts()) {
            OptionalLong days = DaysLeft.of(verdict, report.checkedAt());
            if (days.isPresent()) {
                perfdata.add(label(verdict.target()) + "=" + days.getAsLong() + ";" + policy.warnDays() + ":;"
                        + policy.critDays() + ":");
            }
        }
        StringBuilder text = new StringBuilder("CERTCHECK ").append(State.of(report)).append(" - ")
                .append(report.summary());
        if (!perfdata.isEmpty()) {
            text.append(" | ").append(String.join(" ", perfdata));
        }
        text.append('\n');
        for (Verdict verdict : report.verdicts()) {
            if (verdict.status() == Status.PASS) {
                continue;
            }
            List<String> reasons = verdict.findings().stream().filter(f -> f.severity() != Severity.INFO)
                    .map(Finding::message).toList();
            text.append(verdict.status()).append(' ').append(oneLine(verdict.target())).append(": ")
                    .append(oneLine(String.join("; ", reasons))).append('\n');
        }
        out.write(text.toString());
        out.flush();
    }

    /** The long output must not start a line with "|" nor contain one: Nagios would read perfdata there. */
    private static String oneLine(String text) {
        return Printable.printable(text).replace('|', '/');
    }

    private static String label(String target) {
        return "'" + oneLine(target).replace("'", "''").replace('=', '_') + "'";
    }
}
