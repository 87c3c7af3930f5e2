package org.certcheck.validate;

import java.util.List;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.tls.Handshake;
import org.certcheck.tls.KeyExchange;

/**
 * Whether the server agreed on a post-quantum key exchange when offered one. Traffic recorded today
 * can be decrypted once a large quantum computer breaks ECDH and finite-field DH ("harvest now,
 * decrypt later"); the ML-KEM hybrids (FIPS 203 with X25519 or a NIST curve,
 * draft-ietf-tls-ecdhe-mlkem) prevent it and are offered first by current browsers. They exist only
 * in TLS 1.3 (RFC 8446 key_share).
 *
 * <p>Judged only when the ClientHello that reached the server offered X25519MLKEM768 (the Conscrypt
 * engine, or a JDK fallback after the server refused that hello): the JDK's engine cannot offer it,
 * so a server read by it alone is not accused.
 */
final class PostQuantumCheck {
    private PostQuantumCheck() {
    }

    static List<Finding> check(Handshake handshake) {
        if (!handshake.engine().offeredPostQuantum()
                || handshake.keyExchange().map(KeyExchange::postQuantum).orElse(false)) {
            return List.of();
        }
        String chose = handshake.keyExchange().map(exchange -> "chose " + exchange.group())
                .orElse("did not show its key exchange group");
        String why = "TLSv1.3".equals(handshake.protocol()) ? ""
                : " (it negotiated " + handshake.protocol() + ", which has no post-quantum key exchange)";
        return List.of(Finding.of(FindingCode.TLS_NO_POST_QUANTUM, "offered X25519MLKEM768 first, the server "
                + chose + why + ": traffic recorded today could be decrypted by a future quantum computer;"
                + " enable TLS 1.3 with X25519MLKEM768 (OpenSSL 3.5, BoringSSL, Go 1.24, nginx or HAProxy built"
                + " with them)"));
    }
}
