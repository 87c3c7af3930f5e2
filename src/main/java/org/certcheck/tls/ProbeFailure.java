package org.certcheck.tls;

import java.time.Duration;
import java.util.Objects;

import org.certcheck.input.Target;
import org.certcheck.net.ConnectFailure;

/**
 * A target that could not be probed: an expected outcome, reported as an UNKNOWN row.
 *
 * @param message what happened, with the evidence: {@code no TLS handshake within 10 s}
 */
public record ProbeFailure(Target target, Kind kind, String message, Duration elapsed) implements ProbeResult {

    /** Why no certificate could be obtained; the validator maps each to a finding code. */
    public enum Kind {
        DNS, REFUSED, UNREACHABLE, CONNECT_TIMEOUT, HANDSHAKE_TIMEOUT, NOT_TLS, TLS_ALERT, CLOSED, RESET, IO_ERROR,
        // issue #6: STARTTLS refused or not understood; an HTTP proxy refused or failed the CONNECT
        STARTTLS, PROXY,
        /** The server sent more than certcheck reads: too many certificates, too large a message, too many bytes. */
        LIMIT_EXCEEDED,
        /** The server's Certificate message holds no certificate, or one that does not parse. */
        BAD_CERTIFICATE,
        /** The server speaks TLS, but breaks it: malformed records or messages. */
        PROTOCOL_ERROR
    }

    public ProbeFailure {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** The probe's failure of {@code target} for a connection that could not be made. */
    public static ProbeFailure of(Target target, ConnectFailure failure) {
        Kind kind = switch (failure.kind()) {
            case CONNECT_TIMEOUT -> Kind.CONNECT_TIMEOUT;
            case REFUSED -> Kind.REFUSED;
            case UNREACHABLE -> Kind.UNREACHABLE;
            case PROXY -> Kind.PROXY;
            case IO_ERROR -> Kind.IO_ERROR;
        };
        return new ProbeFailure(target, kind, failure.message(), failure.elapsed());
    }
}
