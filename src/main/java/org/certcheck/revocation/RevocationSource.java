package org.certcheck.revocation;

import java.util.Locale;

/** Where a revocation status came from, in the order certcheck consults them. */
public enum RevocationSource {
    /** An OCSP response the server stapled into the handshake (RFC 6066 section 8, RFC 8446 section 4.4.2.1). */
    STAPLED,
    /** An OCSP responder named in the certificate's authorityInfoAccess (RFC 6960). */
    OCSP,
    /** A CRL (RFC 5280 section 5) from the certificate's cRLDistributionPoints, or given with {@code --crl}. */
    CRL;

    /** {@code stapled}, {@code ocsp}, {@code crl}: the word used in the JSON and the table. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
