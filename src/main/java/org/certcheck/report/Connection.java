package org.certcheck.report;

import java.util.Objects;

/**
 * How the target was reached.
 *
 * @param address     the IP address and port that answered, e.g. {@code 127.0.0.1:8443}
 * @param protocol    negotiated TLS protocol
 * @param cipherSuite negotiated cipher suite
 */
public record Connection(String address, String protocol, String cipherSuite) {
    public Connection {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
    }
}
