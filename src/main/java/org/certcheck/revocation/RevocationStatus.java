package org.certcheck.revocation;

/** What certcheck learned about one certificate's revocation. */
public enum RevocationStatus {
    /** A verified, fresh answer says the certificate is not revoked. */
    GOOD("good"),
    /** A verified answer says the certificate is revoked (or on hold). */
    REVOKED("revoked"),
    /** Revocation information is published, but no source gave a verified, fresh answer. */
    UNKNOWN("unknown"),
    /** The certificate names no OCSP responder and no CRL certcheck can fetch, and no --crl covers it. */
    NO_INFO("no-info");

    private final String label;

    RevocationStatus(String label) {
        this.label = label;
    }

    /** {@code good}, {@code revoked}, {@code unknown}, {@code no-info}: the word used in the JSON. */
    public String label() {
        return label;
    }
}
