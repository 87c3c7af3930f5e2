package org.certcheck.report;

import java.util.Objects;
import java.util.Optional;

/**
 * How the target was reached.
 *
 * @param address     the IP address and port that answered, e.g. {@code 127.0.0.1:8443}
 * @param protocol    negotiated TLS protocol
 * @param cipherSuite negotiated cipher suite
 * @param posture     key exchange group, signature family and TLS engine; empty for replayed reports
 */
public record Connection(String address, String protocol, String cipherSuite, Optional<CryptoPosture> posture) {
    public Connection {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(posture, "posture");
    }

    /** A connection without its cryptographic posture (replays, tests). */
    public Connection(String address, String protocol, String cipherSuite) {
        this(address, protocol, cipherSuite, Optional.empty());
    }
}
