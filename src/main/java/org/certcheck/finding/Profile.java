package org.certcheck.finding;

import java.util.Locale;

/** Which rule book judges the certificates ({@code --profile}). */
public enum Profile {
    /**
     * A private (corporate) PKI, the default: what breaks clients fails; RFC 5280 lint warns on the
     * leaf and intermediates and is information on the trust anchor; CA/B Forum rules are information.
     */
    PRIVATE,
    /** Publicly trusted hosts: the CA/B Forum Baseline Requirements fail too. */
    WEBPKI,
    /** For CA operators linting their own CA: every RFC 5280 and BR MUST fails, the anchor's included. */
    STRICT;

    /** The lower-case name used on the command line and in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
