package org.certcheck.net;

import java.time.Duration;
import java.util.Locale;

/** How messages name a time limit. */
public final class Durations {
    private Durations() {
    }

    /** {@code 5 s}, or {@code 1.5 s}. */
    public static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
