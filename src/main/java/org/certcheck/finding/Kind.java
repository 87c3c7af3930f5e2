package org.certcheck.finding;

/**
 * What a finding means for the people who must act on it. Severity follows from the kind, from whose
 * certificate it is about ({@link Role}) and from the {@link Profile}; see {@link Calibration}.
 */
public enum Kind {
    /** A conforming client refuses the connection, or security is lost: untrusted, expired, wrong name, revoked. */
    BREAKS,
    /**
     * A MUST of RFC 5280 that clients (OpenSSL, GnuTLS, the JDK, browsers) do not enforce: connections
     * work; the CA's issuing template should be fixed, not the server.
     */
    LINT,
    /**
     * A MUST of RFC 5280 that the CA/Browser Forum Baseline Requirements explicitly waive (a
     * non-critical nameConstraints, BR 7.1.2.10.8): lint in a private PKI, information for public
     * certificates, a failure under {@code --profile strict}.
     */
    RFC_ONLY,
    /** A rule of the CA/Browser Forum Baseline Requirements only: binding for publicly trusted certificates. */
    BR,
    /** A limit or requirement the operator set (--crit-days, --pin, --anchor, --max-validity-days). */
    POLICY,
    /** Works today, fix it before it does not: expiry ahead, a chain sent untidily, a status not learned. */
    HYGIENE,
    /** A fact worth showing; it never changes the status. */
    INFO,
    /** The target could not be checked at all (unreachable, not TLS, bad input line, a bug). */
    UNCHECKED
}
