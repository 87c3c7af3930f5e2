package org.certcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class DaysLeftTest {
    private static final Instant CHECKED_AT = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void countsWholeDaysRoundedDown() {
        assertThat(DaysLeft.between(CHECKED_AT, Instant.parse("2026-12-05T11:59:59Z"))).isEqualTo(11);
        assertThat(DaysLeft.between(CHECKED_AT, Instant.parse("2026-12-05T12:00:00Z"))).isEqualTo(12);
    }

    @Test
    void lastDayIsZero() {
        assertThat(DaysLeft.between(CHECKED_AT, CHECKED_AT)).isZero();
        assertThat(DaysLeft.between(CHECKED_AT, Instant.parse("2026-11-24T11:59:59Z"))).isZero();
    }

    @Test
    void expiredIsNegativeFromTheFirstSecond() {
        assertThat(DaysLeft.between(CHECKED_AT, Instant.parse("2026-11-23T11:59:59Z"))).isEqualTo(-1);
        assertThat(DaysLeft.between(CHECKED_AT, Instant.parse("2026-11-20T12:00:00Z"))).isEqualTo(-3);
        // Issue 17: as the finding says it, "expired 3 days ago", not -4.
        assertThat(DaysLeft.between(CHECKED_AT, Instant.parse("2026-11-20T11:59:59.5Z"))).isEqualTo(-3);
        assertThat(DaysLeft.between(CHECKED_AT, Instant.parse("2025-03-21T00:00:00Z"))).isEqualTo(-612);
        assertThat(DaysLeft.between(CHECKED_AT, Instant.parse("2025-03-22T00:00:00Z"))).isEqualTo(-611);
    }
}
