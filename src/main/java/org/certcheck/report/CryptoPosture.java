package org.certcheck.report;

import java.util.Objects;
import java.util.Optional;

/**
 * The cryptography of one connection beyond protocol and suite (issue 15 item 2).
 *
 * @param keyExchange     the group of the key exchange, read from the ServerHello or ServerKeyExchange
 *                        ({@code X25519MLKEM768}, {@code x25519}, {@code ffdhe2048}); empty when unseen
 * @param postQuantum     whether that group is a post-quantum (ML-KEM hybrid) one
 * @param signatureFamily the family of the leaf's key ({@link SignatureFamily})
 * @param engine          the TLS engine that made the handshake, and why when it was a fallback
 */
public record CryptoPosture(Optional<String> keyExchange, boolean postQuantum, String signatureFamily,
                            String engine) {
    public CryptoPosture {
        Objects.requireNonNull(keyExchange, "keyExchange");
        Objects.requireNonNull(signatureFamily, "signatureFamily");
        Objects.requireNonNull(engine, "engine");
    }

    /** {@code X25519MLKEM768 (post-quantum)}, {@code x25519 (classical)}, or {@code not seen}. */
    String keyExchangeText() {
        return keyExchange.map(group -> group + (postQuantum ? " (post-quantum)" : " (classical)")).orElse("not seen");
    }
}
