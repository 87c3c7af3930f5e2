package org.certcheck.clients;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.certcheck.tls.KeyExchange;

/**
 * What a client meets at a target, as certcheck's own probe and validator saw it.
 *
 * @param protocol            the negotiated protocol ({@code TLSv1.3}, {@code TLSv1.1}); the server's
 *                            best, since certcheck offers up to TLS 1.3
 * @param cipherSuite         the negotiated suite; a {@code TLS_RSA_*} suite chosen although certcheck
 *                            offered ECDHE first means the server has (or prefers) RSA key exchange only
 * @param keyExchange         the ephemeral group the server chose, when the handshake showed it
 * @param handshakeSignature  the TLS 1.2 ServerKeyExchange signature scheme (RFC 5246 section 7.4.1.4.1),
 *                            e.g. {@code rsa_pkcs1_sha1}, when it was read; empty otherwise
 * @param leafKeyType         {@code RSA}, {@code EC}, {@code Ed25519}...
 * @param leafKeyBits         the leaf key's size (RSA modulus, EC field), 0 when unknown
 * @param leafNotBefore       the leaf's notBefore, for the JDK's distrust policies
 * @param anchorSha256        the fingerprint of the root the trusted path ends at; empty with no trusted path
 * @param publicRoot          the root is in the JVM's own trust store (the public Web PKI)
 * @param missingIntermediate the server did not send an intermediate needed to reach a trusted root
 * @param caIssuersUrl        the certificate whose issuer is missing names a caIssuers URL to fetch it from
 */
public record ClientFacts(String protocol, String cipherSuite, Optional<KeyExchange> keyExchange,
                          Optional<String> handshakeSignature, String leafKeyType, int leafKeyBits,
                          Instant leafNotBefore, Optional<String> anchorSha256, boolean publicRoot,
                          boolean missingIntermediate, boolean caIssuersUrl) {
    public ClientFacts {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(keyExchange, "keyExchange");
        Objects.requireNonNull(handshakeSignature, "handshakeSignature");
        Objects.requireNonNull(leafKeyType, "leafKeyType");
        Objects.requireNonNull(leafNotBefore, "leafNotBefore");
        Objects.requireNonNull(anchorSha256, "anchorSha256");
    }

    /** RSA key transport (RFC 5246 section 7.4.7.1): no ephemeral key, no forward secrecy. */
    boolean rsaKeyExchange() {
        return cipherSuite.startsWith("TLS_RSA_") || cipherSuite.startsWith("SSL_RSA_");
    }

    /** Finite-field ephemeral Diffie-Hellman in TLS 1.2 and before. */
    boolean dheKeyExchange() {
        return cipherSuite.startsWith("TLS_DHE_") || cipherSuite.startsWith("SSL_DHE_");
    }
}
