package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A certificate's validity period as the CA/Browser Forum Baseline Requirements count it (section
 * 1.6.1, "Validity Period": notBefore through notAfter inclusive, so one second longer than their
 * difference), and the thresholds that follow from it.
 *
 * <p>Default expiry thresholds fit every lifetime: a warning when less than one third of it is left
 * (where ACME clients renew), a failure under one sixth; each capped by the operator's day
 * thresholds ({@code --warn-days}, {@code --crit-days}), the smaller of the two applying.
 */
public record Lifetime(Instant notBefore, Instant notAfter) {
    /** BR 1.6.1 "Short-lived Subscriber Certificate": at most 7 days from 2026-03-15, 10 days before. */
    static final Instant SEVEN_DAY_RULE = LocalDate.of(2026, 3, 15).atStartOfDay(ZoneOffset.UTC).toInstant();

    public static Lifetime of(X509Certificate certificate) {
        return new Lifetime(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    }

    /** notAfter - notBefore + 1 second (BR 1.6.1); zero for a period that ends before it starts. */
    public Duration validity() {
        Duration between = Duration.between(notBefore, notAfter);
        return between.isNegative() ? Duration.ZERO : between.plusSeconds(1);
    }

    /** Whole days of {@link #validity()}, for messages. */
    public long days() {
        return validity().toDays();
    }

    /**
     * A short-lived certificate in the sense of the Baseline Requirements (section 1.6.1, 4.9.1.1,
     * 7.1.2.7): it needs no revocation information, as it expires before a revocation would spread.
     */
    public boolean shortLived() {
        Duration limit = notBefore.isBefore(SEVEN_DAY_RULE) ? Duration.ofDays(10) : Duration.ofDays(7);
        return !validity().isZero() && validity().compareTo(limit) <= 0;
    }

    /** The point from which a warning is due: the smaller of {@code warnDays} and a third of the lifetime. */
    public Threshold warning(int warnDays) {
        return Threshold.of(warnDays, validity().dividedBy(3), "one third", days());
    }

    /** The point from which a failure is due: the smaller of {@code critDays} and a sixth of the lifetime. */
    public Threshold critical(int critDays) {
        return Threshold.of(critDays, validity().dividedBy(6), "one sixth", days());
    }

    /**
     * How much time left triggers a finding, and how to name it in a message.
     *
     * @param before the finding is due when less than this is left
     * @param name   "30 days" or "one third of its 90-day lifetime"
     */
    public record Threshold(Duration before, String name) {
        static Threshold of(int days, Duration exactShare, String fraction, long lifetimeDays) {
            // Whole seconds, as certificate times are: a third of 45 days and a second is 15 days.
            Duration share = exactShare.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            Duration fixed = Duration.ofDays(days);
            return share.compareTo(fixed) < 0
                    ? new Threshold(share, fraction + " of its " + lifetimeDays + "-day lifetime (" + Durations.human(share) + ")")
                    : new Threshold(fixed, days + (days == 1 ? " day" : " days"));
        }

        /**
         * Whether less than the threshold is left; a zero threshold ({@code --crit-days 0}) is never
         * passed, not even in the last second of a certificate whose notAfter has a fraction (still valid).
         */
        public boolean passed(Duration left) {
            return !before.isZero() && left.compareTo(before) < 0;
        }

        /** The instant this threshold is reached for a certificate expiring at {@code notAfter}. */
        public Instant reachedAt(Instant notAfter) {
            return notAfter.minus(before);
        }
    }
}
