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
    /** Longer targets (raw malformed input lines, long file paths) are cut, so one cannot widen the table. */
    static final int TARGET_LIMIT = 40;
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
                truncate(Printable.printable(verdict.target())),
                verdict.status(),
                days.isPresent() ? Long.toString(days.getAsLong()) : NONE,
                verdict.notAfter().map(UtcTime::date).orElse(NONE),
                verdict.revocation().map(PathRevocation::summary).orElse(NONE),
                reasons.stream().map(Printable::printable).toList());
    }

    /** Cut in the middle: a path keeps its file name and alias, a host its port. */
    private static String truncate(String target) {
        int length = WordWrap.length(target);
        if (length <= TARGET_LIMIT) {
            return target;
        }
        int head = (TARGET_LIMIT - 1) / 2;
        int tail = TARGET_LIMIT - 1 - head;
        return target.substring(0, target.offsetByCodePoints(0, head)) + "\u2026"
                + target.substring(target.offsetByCodePoints(0, target.codePointCount(0, target.length()) - tail));
    }
}
