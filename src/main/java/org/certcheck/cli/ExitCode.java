package org.certcheck.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.certcheck.finding.FindingCode;
import org.certcheck.report.Report;
import org.certcheck.report.Status;
import org.certcheck.report.Verdict;

/** The process exit codes, a contract with cron jobs and CI pipelines. */
public final class ExitCode {
    /** Every target was checked and none failed (warnings pass unless {@code --fail-on warn}). */
    public static final int OK = 0;
    /** At least one target failed. */
    public static final int FAILED = 1;
    /** Bad option, unreadable host or CA file: nothing was checked. */
    public static final int USAGE = 2;
    /** At least one target could not be checked, and none failed. */
    public static final int UNCHECKED = 3;
    /** A bug in certcheck. */
    public static final int INTERNAL = 4;

    /** For {@code --help} and the README. */
    static final String HELP = """
            Exit codes:
              0  every target checked, none failed (warnings pass unless --fail-on warn)
              1  at least one target failed, or an issuing CA's CRL is stale or broken
              2  usage error: bad option, unreadable host or CA file
              3  at least one target could not be checked (DNS, refused, timeout, not TLS,
                 bad host line) and none failed
              4  internal error
            With --nagios: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (Nagios plugin codes).""";

    private ExitCode() {
    }

    /**
     * Failure wins over unchecked; an unchecked target never yields 0. The CRL health of the issuing
     * CAs counts as the targets do: a stale CRL fails the run (exit 1), and with {@code --fail-on
     * warn} so does one about to go stale, while each target's own status stays as its checks judged it.
     */
    public static int of(Report report, boolean failOnWarn) {
        boolean internal = report.verdicts().stream().flatMap(v -> v.findings().stream())
                .anyMatch(f -> f.code() == FindingCode.INTERNAL_ERROR);
        List<Status> statuses = new ArrayList<>(report.verdicts().stream().map(Verdict::status).toList());
        statuses.addAll(report.casStatuses());
        return of(statuses, internal, failOnWarn);
    }

    /** The same rule for statuses read back from JSON reports ({@code certcheck merge}). */
    static int of(Collection<Status> statuses, boolean internalError, boolean failOnWarn) {
        if (internalError) {
            return INTERNAL;
        }
        boolean failed = statuses.contains(Status.FAIL) || (failOnWarn && statuses.contains(Status.WARN));
        return failed ? FAILED : statuses.contains(Status.UNKNOWN) ? UNCHECKED : OK;
    }

    static String describe(int code) {
        return switch (code) {
            case OK -> "all targets passed";
            case FAILED -> "at least one target failed";
            case USAGE -> "usage error";
            case UNCHECKED -> "at least one target could not be checked";
            default -> "internal error";
        };
    }
}
