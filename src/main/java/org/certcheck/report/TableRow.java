package org.certcheck.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.certcheck.finding.Finding;
import org.certcheck.finding.Printable;
import org.certcheck.finding.Severity;
import org.certcheck.revocation.PathRevocation;

/**
 * One verdict as the cells of a table row, every string already safe for a terminal.
 *
 * @param revocation the revocation status in a few words ({@code good (ocsp)}), {@code -} when not checked
 * @param reasons    one entry per reason, unwrapped; empty when there is nothing to say
 */
record TableRow(String target, Status status, String days, String notAfter, String revocation, List<String> reasons) {
    /**
     * The TARGET column is at most this wide on a terminal (or a third of its width): a longer target
     * (a raw malformed input line, a long file path) is printed whole on a line of its own, so one
     * cannot widen the table and two long names never print alike.
     */
    static final int TARGET_LIMIT = 40;
    /** The same limit where the output is not a terminal (pipes, files, cron mail). */
    static final int PLAIN_TARGET_LIMIT = 64;
    static final String NONE = "-";

    TableRow {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(revocation, "revocation");
        reasons = List.copyOf(reasons);
    }

    /**
     * The reasons are the messages of the WARN, FAIL and UNKNOWN findings in order (INFO too when
     * {@code withInfo}); a PASS row starts with the anchor its chain ends at, so a reader sees why it
     * passed without the details.
     */
    static TableRow of(Verdict verdict, Instant checkedAt, boolean withInfo) {
        List<String> reasons = new ArrayList<>();
        if (verdict.status() == Status.PASS) {
            reasons.add(verdict.anchor().map(anchor -> "ok, chain ends at " + anchor).orElse("ok"));
        }
        for (Finding finding : verdict.findings()) {
            if (finding.severity() != Severity.INFO || withInfo) {
                reasons.add(finding.message());
            }
        }
        var days = DaysLeft.of(verdict, checkedAt);
        return new TableRow(
                Printable.printable(verdict.target()),
                verdict.status(),
                days.isPresent() ? Long.toString(days.getAsLong()) : NONE,
                verdict.notAfter().map(UtcTime::date).orElse(NONE),
                verdict.revocation().map(PathRevocation::summary).orElse(NONE),
                reasons.stream().map(Printable::printable).toList());
    }
}
