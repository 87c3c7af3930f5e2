package org.certcheck.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;

import org.certcheck.pki.HeldCertificate;
import org.conscrypt.Conscrypt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Signature checks give the same answer whichever engine does them: BoringSSL when the TLS engine
 * loaded it, otherwise Bouncy Castle (ECDSA) and the JDK. A curve BoringSSL lacks (brainpool) is
 * still checked, by the next engine.
 */
class SignatureChecksTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private Provider before;

    @BeforeEach
    void remember() {
        before = SignatureChecks.nativeProvider();
    }

    @AfterEach
    void restore() {
        SignatureChecks.useNative(before);
    }

    @ParameterizedTest(name = "{0}, native engine {1}")
    @CsvSource({"P-256, true", "P-256, false", "P-384, true", "P-384, false", "RSA, true", "RSA, false",
            "Ed25519, true", "Ed25519, false",
            "brainpoolP256r1, true", "brainpoolP256r1, false"})
    void aSignatureVerifiesWithItsIssuersKeyAndWithNoOther(String algorithm, boolean nativeEngine) throws Exception {
        SignatureChecks.useNative(nativeEngine ? Conscrypt.newProvider() : null);
        HeldCertificate issuer = issuer(algorithm);
        HeldCertificate stranger = issuer(algorithm);
        HeldCertificate leaf = HeldCertificate.builder(NOW).commonName("leaf.corp.test").signedBy(issuer)
                .signatureAlgorithm(signatureAlgorithm(algorithm)).build();

        assertThat(SignatureChecks.verifies(leaf.certificate(), issuer.certificate().getPublicKey())).isTrue();
        assertThat(SignatureChecks.verifies(leaf.certificate(), stranger.certificate().getPublicKey())).isFalse();
        assertThat(SignatureChecks.verifies(withLastByteFlipped(leaf.certificate()),
                issuer.certificate().getPublicKey())).isFalse();
    }

    private static HeldCertificate issuer(String algorithm) throws Exception {
        HeldCertificate.Builder builder = HeldCertificate.builder(NOW).commonName(algorithm + " CA").certificateAuthority(0);
        switch (algorithm) {
            case "P-256" -> builder.ec(256);
            case "P-384" -> builder.ec(384);
            case "RSA" -> builder.rsa(2048);
            case "Ed25519" -> builder.keyPair(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
            default -> builder.keyPair(ecKeyPair(algorithm));
        }
        return builder.signatureAlgorithm(signatureAlgorithm(algorithm)).build();
    }

    private static String signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> "SHA256withRSA";
            case "P-384" -> "SHA384withECDSA";
            case "Ed25519" -> "Ed25519";
            default -> "SHA256withECDSA";
        };
    }

    private static KeyPair ecKeyPair(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new org.bouncycastle.jce.provider
                .BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    /** The certificate with the last byte of its signature changed: still DER, no longer signed. */
    private static X509Certificate withLastByteFlipped(X509Certificate certificate) throws Exception {
        byte[] encoded = certificate.getEncoded();
        encoded[encoded.length - 1] ^= 0x01;
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(encoded));
    }
}
