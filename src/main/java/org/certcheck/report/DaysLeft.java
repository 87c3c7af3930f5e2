package org.certcheck.report;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Whole days from the check until the leaf's notAfter, rounded down: 0 on the last day, -1 from the
 * moment it expires until a day later. Rounding down (not toward zero) keeps a certificate that
 * expired an hour ago from showing 0 days, the same as one that still has 23 hours.
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
        // Duration keeps whole seconds floored and a non-negative nano part, so this floors too.
        return Math.floorDiv(Duration.between(checkedAt, notAfter).getSeconds(), SECONDS_PER_DAY);
    }
}
