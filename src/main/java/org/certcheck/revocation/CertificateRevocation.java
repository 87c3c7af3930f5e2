package org.certcheck.revocation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The revocation status of one certificate on a validated path, and where it came from.
 *
 * @param certificate subject (RFC 2253) of the certificate
 * @param status      what was learned
 * @param source      the source of a good or revoked status; empty for unknown and no-info
 * @param url         the responder or CRL URL that answered ({@code file:} URI for a --crl)
 * @param thisUpdate  when the answer was issued
 * @param nextUpdate  when the answer's issuer promises newer information, if it said
 * @param revokedAt   when the certificate was revoked
 * @param reason      the CRLReason name ({@code keyCompromise}), when one was given
 * @param problems    every source that was tried and failed, in order ({@code OCSP http://..: HTTP 500})
 */
public record CertificateRevocation(String certificate, RevocationStatus status, Optional<RevocationSource> source,
                                    Optional<String> url, Optional<Instant> thisUpdate, Optional<Instant> nextUpdate,
                                    Optional<Instant> revokedAt, Optional<String> reason, List<String> problems) {
    public CertificateRevocation {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(thisUpdate, "thisUpdate");
        Objects.requireNonNull(nextUpdate, "nextUpdate");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(reason, "reason");
        problems = List.copyOf(problems);
    }

    /** A status nobody answered for: unknown or no-info. */
    static CertificateRevocation unanswered(String certificate, RevocationStatus status, List<String> problems) {
        return new CertificateRevocation(certificate, status, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), problems);
    }
}
