package org.certcheck.tls;

import java.util.Objects;

/**
 * Whether the server proved, during the handshake, that it holds the private key of the
 * certificate it sent. A certificate is public: anyone can replay a server's chain. Only the
 * signature over the handshake (TLS 1.3 CertificateVerify, RFC 8446 section 4.4.3; a TLS 1.2
 * signed ServerKeyExchange, RFC 5246 section 7.4.3) or a server Finished that needed the key
 * (TLS 1.2 RSA key exchange, RFC 5246 section 7.4.9) shows that this server is the certificate's
 * owner.
 *
 * @param proven   whether the proof was seen and verified by the JVM's TLS stack
 * @param evidence how it was proven, or why not: what the handshake reached, in a sentence
 */
public record KeyProof(boolean proven, String evidence) {
    public KeyProof {
        Objects.requireNonNull(evidence, "evidence");
    }

    public static KeyProof proven(String how) {
        return new KeyProof(true, how);
    }

    public static KeyProof notProven(String why) {
        return new KeyProof(false, why);
    }

    /** The handshake ran to its end: JSSE verified the server's signature and Finished, or threw. */
    static KeyProof completed(String protocol) {
        return proven("TLSv1.3".equals(protocol)
                ? "the server's CertificateVerify signature and Finished were verified"
                : "the handshake completed: the server's key exchange and Finished were verified");
    }

    /**
     * The handshake failed after the server's Certificate message was processed.
     *
     * @param answered whether the client sent its next flight after that message, which JSSE does only
     *                 once the rest of the server's flight verified (see EngineHandshake#answeredCertificate)
     * @param why      what ended the handshake
     */
    static KeyProof beforeFailure(String protocol, String cipherSuite, boolean answered, String why) {
        if (answered && "TLSv1.3".equals(protocol)) {
            return proven("the server's CertificateVerify signature and Finished were verified before the"
                    + " handshake failed");
        }
        if (answered && signsKeyExchange(cipherSuite)) {
            return proven("the server's signed ServerKeyExchange was verified before the handshake failed");
        }
        String missing = "TLSv1.3".equals(protocol) ? "no verified CertificateVerify signature"
                : signsKeyExchange(cipherSuite) ? "no verified ServerKeyExchange signature"
                : "no Finished message (" + cipherSuite + " proves the key only with it)";
        return notProven("the handshake ended after the server's Certificate message with " + missing + " (" + why
                + ")");
    }

    /** TLS 1.2 suites whose ServerKeyExchange the server signs with the certificate's key (RFC 5246, RFC 8422). */
    private static boolean signsKeyExchange(String cipherSuite) {
        return cipherSuite.startsWith("TLS_ECDHE_") || cipherSuite.startsWith("TLS_DHE_")
                || cipherSuite.startsWith("SSL_DHE_");
    }
}
