package org.certcheck.revocation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.certcheck.finding.Finding;

/**
 * The health of one issuing CA's CRLs, judged once per run however many targets it issued for:
 * whether each CRL could be downloaded, is the CA's and verifies, and how long it stays current.
 * The run's verdict takes its findings into account once (see {@code docs/crl-health.md}); the
 * targets' own verdicts do not repeat them.
 *
 * @param subject      the CA's subject (RFC 2253)
 * @param keyId        the CA's key identifier, lower-case hex: its subjectKeyIdentifier, or the SHA-1
 *                     of its subjectPublicKey (RFC 5280 section 4.2.1.2 method 1) when it has none
 * @param certificates how many distinct certificates checked in this run the CA issued
 * @param crls         each CRL of the CA judged, in the order its certificates name them
 * @param unchecked    URLs of the CA's CRLs not judged: beyond the first few per CA, or after the
 *                     run's revocation deadline had passed
 * @param findings     {@code crl.*} findings about the CA, each naming the CRL's URL
 */
public record CrlHealth(String subject, String keyId, int certificates, List<Published> crls, List<String> unchecked,
                        List<Finding> findings) {
    public CrlHealth {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(keyId, "keyId");
        crls = List.copyOf(crls);
        unchecked = List.copyOf(unchecked);
        findings = List.copyOf(findings);
    }

    /** The key id's first 8 hex digits, as the table, HTML and JUnit reports name the CA's key. */
    public String shortKeyId() {
        return keyId.substring(0, Math.min(8, keyId.length()));
    }

    /**
     * One CRL of the CA at one location.
     *
     * @param url         the distribution point's URL, or the {@code file:} URI of a {@code --crl}
     * @param unreachable why no CRL could be had from {@code url} ({@code HTTP 404}, a timeout, not a CRL)
     * @param crl         what the downloaded CRL says; present exactly when {@code unreachable} is empty
     */
    public record Published(String url, Optional<String> unreachable, Optional<Facts> crl) {
        public Published {
            Objects.requireNonNull(url, "url");
            if (unreachable.isPresent() == crl.isPresent()) {
                throw new IllegalArgumentException("a CRL is either reachable or not: " + url);
            }
        }
    }

    /**
     * Facts read from one CRL.
     *
     * @param thisUpdate  when it was issued
     * @param nextUpdate  when the CA promises the next one, if it says
     * @param bytes       its DER size
     * @param entries     how many revoked certificates it lists
     * @param deltaOf     the base CRL number, when this CRL is itself a delta CRL (RFC 5280 section 5.2.4)
     * @param deltaCrls   where the CA publishes delta CRLs (its Freshest CRL extension, section 5.2.6)
     */
    public record Facts(Instant thisUpdate, Optional<Instant> nextUpdate, int bytes, int entries,
                        Optional<BigInteger> deltaOf, List<String> deltaCrls) {
        public Facts {
            Objects.requireNonNull(thisUpdate, "thisUpdate");
            Objects.requireNonNull(nextUpdate, "nextUpdate");
            Objects.requireNonNull(deltaOf, "deltaOf");
            deltaCrls = List.copyOf(deltaCrls);
        }
    }
}
