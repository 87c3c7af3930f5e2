package org.certcheck.report;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Whole days from the check until the leaf's notAfter: 0 on the last day; once expired, minus the
 * whole days since it expired, as the finding says them ("expired 611 days ago" is -611), and -1 for
 * its first day, so a certificate that expired an hour ago never shows 0 days, the same as one that
 * still has 23 hours.
 */
public final class DaysLeft {
    private static final long SECONDS_PER_DAY = 86_400;

    private DaysLeft() {
    }

    /** Empty when no certificate was seen. */
    public static OptionalLong of(Verdict verdict, Instant checkedAt) {
        return verdict.notAfter()
                .map(notAfter -> OptionalLong.of(between(checkedAt, notAfter)))
                .orElse(OptionalLong.empty());
    }

    static long between(Instant checkedAt, Instant notAfter) {
        Duration left = Duration.between(checkedAt, notAfter);
        if (left.isNegative()) {
            return -Math.max(1, left.negated().toDays());
        }
        return left.toDays();
    }
}
