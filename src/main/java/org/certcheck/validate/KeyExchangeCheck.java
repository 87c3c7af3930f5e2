package org.certcheck.validate;

import java.util.List;
import java.util.Set;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.tls.Handshake;
import org.certcheck.tls.KeyExchange;

/**
 * The ephemeral group the server chose. Finite-field Diffie-Hellman: under 1024 bits is refused by
 * OpenSSL 3 (security level 1 and up, the default: "dh key too small"), curl and Java
 * ({@code jdk.tls.disabledAlgorithms}: DH keySize &lt; 1024), so {@code tls.dh-too-small} fails;
 * under 2048 bits is below every RFC 7919 group and NIST SP 800-57's 112-bit floor, and refused by
 * OpenSSL at security level 2 (Debian's default), so {@code tls.dh-small} warns. Elliptic curves other
 * than P-256, P-384, P-521 (RFC 8422) and X25519, X448 (RFC 7748) are offered by few clients
 * (browsers offer X25519, P-256, P-384): {@code tls.unusual-curve} warns. The post-quantum hybrids
 * (X25519MLKEM768, which browsers offer first) are judged by {@link PostQuantumCheck}, not here.
 */
final class KeyExchangeCheck {
    static final int REFUSED_BELOW = 1024;
    static final int WEAK_BELOW = 2048;
    private static final Set<String> COMMON_CURVES = Set.of("secp256r1", "secp384r1", "secp521r1", "x25519", "x448");

    private KeyExchangeCheck() {
    }

    static List<Finding> check(Handshake handshake) {
        if (handshake.keyExchange().isEmpty()) {
            return List.of();
        }
        KeyExchange exchange = handshake.keyExchange().get();
        String refusal = handshake.handshakeError().map(why -> " (this handshake failed: " + why + ")").orElse("");
        if (exchange.finiteField()) {
            String group = exchange.group().equals("DH") ? "a " + exchange.bits() + "-bit Diffie-Hellman group"
                    : "the " + exchange.group() + " group";
            if (exchange.bits() < REFUSED_BELOW) {
                return List.of(Finding.of(FindingCode.TLS_DH_TOO_SMALL, "the server chose " + group
                        + " for its key exchange, under 1024 bits: OpenSSL, curl and Java refuse it" + refusal
                        + "; configure a 2048-bit or larger group (RFC 7919 ffdhe2048), or prefer ECDHE suites"));
            }
            if (exchange.bits() < WEAK_BELOW) {
                return List.of(Finding.of(FindingCode.TLS_DH_SMALL, "the server chose " + group + " for its key"
                        + " exchange, under the 2048 bits of RFC 7919's smallest group; OpenSSL at security level 2"
                        + " (Debian's default) refuses it" + refusal + ": configure ffdhe2048 or larger, or prefer"
                        + " ECDHE suites"));
            }
            return List.of();
        }
        if (!COMMON_CURVES.contains(exchange.group()) && !exchange.postQuantum()) {
            return List.of(Finding.of(FindingCode.TLS_UNUSUAL_CURVE, "the server chose " + exchange.group()
                    + " for its key exchange; most clients offer only X25519, P-256, P-384 (and P-521, X448)"
                    + refusal + ": enable X25519 and P-256 on the server"));
        }
        return List.of();
    }
}
