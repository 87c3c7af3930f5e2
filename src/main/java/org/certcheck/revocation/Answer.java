package org.certcheck.revocation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one source said about one certificate: a verified status, or why it gave none. Only
 * {@link Good} and {@link Revoked} end the search; a {@link Problem} sends certcheck to the next
 * source, and is never taken as good.
 */
sealed interface Answer {
    RevocationSource source();

    /** The responder or CRL URL, {@code stapled by the server}, or the {@code file:} URI of a --crl. */
    String location();

    /** Verified and fresh: not revoked as of {@code thisUpdate}. */
    record Good(RevocationSource source, String location, Instant thisUpdate, Optional<Instant> nextUpdate)
            implements Answer {
        public Good {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(thisUpdate, "thisUpdate");
            Objects.requireNonNull(nextUpdate, "nextUpdate");
        }
    }

    /**
     * Verified: revoked at {@code revokedAt}.
     *
     * @param reason the RFC 5280 CRLReason name ({@code keyCompromise}), when one was given
     */
    record Revoked(RevocationSource source, String location, Instant thisUpdate, Optional<Instant> nextUpdate,
                   Instant revokedAt, Optional<String> reason) implements Answer {
        public Revoked {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(thisUpdate, "thisUpdate");
            Objects.requireNonNull(nextUpdate, "nextUpdate");
            Objects.requireNonNull(revokedAt, "revokedAt");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * No usable answer.
     *
     * @param message what went wrong, for people: {@code HTTP 500}, {@code the response is signed by
     *                CN=X, which is neither the issuer nor a responder it delegated}
     */
    record Problem(RevocationSource source, String location, String message) implements Answer {
        public Problem {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(message, "message");
        }

        /** {@code OCSP http://ocsp.corp/: HTTP 500}. */
        String describe() {
            String what = switch (source) {
                case STAPLED -> "stapled OCSP response";
                case OCSP -> "OCSP " + location;
                case CRL -> "CRL " + location;
            };
            return what + ": " + message;
        }
    }

    default boolean definitive() {
        return !(this instanceof Problem);
    }
}
