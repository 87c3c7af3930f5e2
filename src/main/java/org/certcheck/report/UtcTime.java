package org.certcheck.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The three ways a report shows an instant; always UTC, never the machine's zone or locale. */
final class UtcTime {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private UtcTime() {
    }

    /** {@code 2026-12-01}. */
    static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** {@code 2026-12-01 14:30:00 UTC}. */
    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** ISO 8601 as {@link DateTimeFormatter#ISO_INSTANT} writes it: {@code 2026-12-01T14:30:00Z}. */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
