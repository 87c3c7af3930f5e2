package org.certcheck.validate;

import org.certcheck.tls.ProbeFailure;

/**
 * Every finding certcheck can report. The codes are a public interface: scripts match on them in
 * the JSON output, so they never change meaning once released.
 */
public enum FindingCode {
    INPUT_MALFORMED("input.malformed", "a host-list line or argument is not a usable target"),
    INTERNAL_ERROR("internal.error", "certcheck failed on this target because of a bug (exit code 4)"),

    PROBE_DNS("probe.dns", "the host name could not be resolved"),
    PROBE_REFUSED("probe.refused", "nothing listens on the port (connection refused)"),
    PROBE_UNREACHABLE("probe.unreachable", "no route to the host or network"),
    PROBE_CONNECT_TIMEOUT("probe.connect-timeout", "the TCP connection was not accepted in time"),
    PROBE_HANDSHAKE_TIMEOUT("probe.handshake-timeout", "TCP connected but the TLS handshake did not finish in time"),
    PROBE_NOT_TLS("probe.not-tls", "the port answered with something that is not TLS (plain HTTP?)"),
    PROBE_TLS_ALERT("probe.tls-alert", "the server ended the handshake with a TLS alert before sending a certificate"),
    PROBE_CLOSED("probe.closed", "the server closed the connection before sending a certificate"),
    PROBE_RESET("probe.reset", "the connection was reset before a certificate was sent"),
    PROBE_IO_ERROR("probe.io-error", "another network error before a certificate was sent"),

    // Issue 8 (hostile servers): what a server that sends too much or sends broken TLS gets.
    PROBE_LIMIT_EXCEEDED("probe.limit-exceeded", "the server sent more than certcheck reads: over 10 certificates,"
            + " a handshake message over 32 KiB, or over 1 MiB in all"),
    PROBE_BAD_CERTIFICATE("probe.bad-certificate", "the server sent an empty certificate list or a certificate that"
            + " does not parse"),
    PROBE_PROTOCOL_ERROR("probe.protocol-error", "the server sent malformed TLS records or messages"),

    TLS_HANDSHAKE_FAILED("tls.handshake-failed", "the handshake failed after the certificate was received"),

    CHAIN_UNTRUSTED("chain.untrusted", "the chain ends at a CA that is not trusted"),
    CHAIN_SELF_SIGNED("chain.self-signed", "the leaf is self-signed and not itself trusted"),
    CHAIN_INCOMPLETE("chain.incomplete", "the server did not send an intermediate needed to reach a trusted CA"),
    CHAIN_BAD_SIGNATURE("chain.bad-signature", "a certificate's signature does not verify with its issuer's key"),
    CHAIN_NOT_CA("chain.not-ca", "an issuing certificate lacks basicConstraints CA:TRUE"),
    CHAIN_PATH_LENGTH("chain.path-length", "a CA's pathLenConstraint is exceeded"),
    CHAIN_CA_KEY_USAGE("chain.ca-key-usage", "an issuing CA's keyUsage lacks keyCertSign"),
    CHAIN_NAME_CONSTRAINTS("chain.name-constraints", "a name violates a CA's name constraints"),
    CERT_UNKNOWN_CRITICAL_EXTENSION("cert.unknown-critical-extension", "a certificate has a critical extension certcheck does not understand"),

    CERT_EXPIRED("cert.expired", "a certificate on the path has expired"),
    CERT_NOT_YET_VALID("cert.not-yet-valid", "a certificate on the path is not valid yet"),
    CERT_EXPIRES_SOON("cert.expires-soon", "a certificate on the path expires within --warn-days (a warning)"),
    CERT_EXPIRES_VERY_SOON("cert.expires-very-soon", "a certificate on the path expires within --crit-days (a failure)"),

    HOST_MISMATCH("host.mismatch", "the certificate is not valid for the name or address checked"),
    HOST_NO_SAN("host.no-san", "the certificate has no subjectAltName (the CN is never used)"),

    CERT_PURPOSE("cert.purpose", "the leaf's extendedKeyUsage does not allow TLS server authentication");

    private final String code;
    private final String meaning;

    FindingCode(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The stable code, e.g. {@code cert.expired}. */
    public String code() {
        return code;
    }

    /** One line for documentation and {@code --help}. */
    public String meaning() {
        return meaning;
    }

    public static FindingCode forProbeFailure(ProbeFailure.Kind kind) {
        return switch (kind) {
            case DNS -> PROBE_DNS;
            case REFUSED -> PROBE_REFUSED;
            case UNREACHABLE -> PROBE_UNREACHABLE;
            case CONNECT_TIMEOUT -> PROBE_CONNECT_TIMEOUT;
            case HANDSHAKE_TIMEOUT -> PROBE_HANDSHAKE_TIMEOUT;
            case NOT_TLS -> PROBE_NOT_TLS;
            case TLS_ALERT -> PROBE_TLS_ALERT;
            case CLOSED -> PROBE_CLOSED;
            case RESET -> PROBE_RESET;
            case IO_ERROR -> PROBE_IO_ERROR;
            case LIMIT_EXCEEDED -> PROBE_LIMIT_EXCEEDED;
            case BAD_CERTIFICATE -> PROBE_BAD_CERTIFICATE;
            case PROTOCOL_ERROR -> PROBE_PROTOCOL_ERROR;
        };
    }

    @Override
    public String toString() {
        return code;
    }
}
