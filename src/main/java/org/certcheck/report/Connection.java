package org.certcheck.report;

import java.util.Objects;
import java.util.Optional;

/**
 * How the target was reached.
 *
 * @param address     the IP address and port that answered, e.g. {@code 127.0.0.1:8443}
 * @param protocol    negotiated TLS protocol
 * @param cipherSuite negotiated cipher suite
 * @param keyExchange the group of the key exchange, read from the ServerHello or ServerKeyExchange
 *                    ({@code X25519MLKEM768}, {@code x25519}, {@code ffdhe2048}); empty when unseen
 * @param postQuantum whether that group is a post-quantum (ML-KEM hybrid) one
 * @param engine      the TLS engine that made the handshake, and why when it was a fallback
 */
public record Connection(String address, String protocol, String cipherSuite, Optional<String> keyExchange,
                         boolean postQuantum, String engine) {
    public Connection {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(keyExchange, "keyExchange");
        Objects.requireNonNull(engine, "engine");
    }

    /** A connection whose key exchange was not seen (replays, tests). */
    public Connection(String address, String protocol, String cipherSuite) {
        this(address, protocol, cipherSuite, Optional.empty(), false, "jdk");
    }
}
