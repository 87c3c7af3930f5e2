package org.certcheck.tls;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits for one probe.
 *
 * @param connectTimeout   for name resolution plus the TCP connection
 * @param handshakeTimeout for the whole TLS handshake, however slowly the server trickles bytes
 */
public record ProbeSettings(Duration connectTimeout, Duration handshakeTimeout) {
    public static final ProbeSettings DEFAULT = new ProbeSettings(Duration.ofSeconds(5), Duration.ofSeconds(10));

    public ProbeSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()
                || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: connect " + connectTimeout
                    + ", handshake " + handshakeTimeout);
        }
    }
}
