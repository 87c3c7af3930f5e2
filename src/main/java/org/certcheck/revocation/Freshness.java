package org.certcheck.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Whether an OCSP response or a CRL is current (RFC 6960 section 4.2.2.1, RFC 5280 section 5.1.2.5). */
final class Freshness {
    private Freshness() {
    }

    /**
     * Empty when current; otherwise the end of a sentence starting "the response is" / "the CRL is":
     * {@code stale: its nextUpdate 2026-11-20 12:00 UTC has passed}.
     *
     * @param maxAge how old an answer without nextUpdate may be
     */
    static Optional<String> problem(Instant thisUpdate, Optional<Instant> nextUpdate, Instant now, Duration maxAge) {
        Duration skew = OcspCheck.CLOCK_SKEW;
        if (thisUpdate.isAfter(now.plus(skew))) {
            return Optional.of("from the future: its thisUpdate " + Times.format(thisUpdate)
                    + " is after this machine's clock (" + Times.format(now) + "); check both clocks");
        }
        if (nextUpdate.isPresent()) {
            if (nextUpdate.get().plus(skew).isBefore(now)) {
                return Optional.of("stale: its nextUpdate " + Times.format(nextUpdate.get()) + " has passed"
                        + " (issued " + Times.format(thisUpdate) + ")");
            }
            return Optional.empty();
        }
        if (thisUpdate.plus(maxAge).plus(skew).isBefore(now)) {
            return Optional.of("stale: issued " + Times.format(thisUpdate) + " without a nextUpdate, more than "
                    + maxAge.toDays() + " days ago");
        }
        return Optional.empty();
    }
}
