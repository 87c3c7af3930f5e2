package org.certcheck.validate;

import java.time.Duration;

/** How long, in the words of a message: "3 days", "1 day", "5 hours" under a day. */
final class Durations {
    private Durations() {
    }

    static String human(Duration between) {
        long days = between.toDays();
        if (days >= 1) {
            return days + (days == 1 ? " day" : " days");
        }
        long hours = between.toHours();
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
