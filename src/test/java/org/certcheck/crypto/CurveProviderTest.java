package org.certcheck.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;

import javax.crypto.KeyAgreement;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The provider that the command line puts first must give the JDK's TLS engine exactly what the
 * JDK's own curve code would: same shared secrets (the TLS pre-master secret keeps its leading zero
 * bytes), same signature verdicts. The test JVM has it installed first, as {@code Main.main} does
 * (see {@code ProductionCrypto}).
 */
class CurveProviderTest {
    private static final Provider JDK_EC = Security.getProvider("SunEC");

    @Test
    void isTheFirstProviderOfTheTestJvmAsOfTheCommandLine() {
        assertThat(Security.getProviders()[0].getName()).isEqualTo(CurveProvider.NAME);
    }

    @Test
    void tlsKeySharesComeFromBouncyCastle() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        KeyPairGenerator xdh = KeyPairGenerator.getInstance("XDH");

        assertThat(ec.getProvider().getName()).isEqualTo(CurveProvider.NAME);
        assertThat(xdh.getProvider().getName()).isEqualTo(CurveProvider.NAME);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"EC, ECDH, secp256r1", "EC, ECDH, secp384r1", "EC, ECDH, secp521r1",
            "XDH, XDH, X25519", "XDH, XDH, X448"})
    void sharedSecretsEqualTheJdksByteForByte(String keyType, String agreement, String curve) throws Exception {
        KeyPairGenerator ours = KeyPairGenerator.getInstance(keyType);
        KeyPairGenerator theirs = KeyPairGenerator.getInstance(keyType, JDK_EC);
        ours.initialize(spec(keyType, curve));
        theirs.initialize(spec(keyType, curve));
        int withLeadingZero = 0;
        // About one secret in 256 starts with a zero byte (half of them for P-521): go on until two
        // such secrets were met, the case where a careless agreement drops bytes.
        for (int i = 0; i < 20_000 && withLeadingZero < 2; i++) {
            KeyPair client = ours.generateKeyPair();
            KeyPair server = theirs.generateKeyPair();

            byte[] clientSecret = secret(agreement, null, client.getPrivate(), server.getPublic());
            byte[] serverSecret = secret(agreement, JDK_EC, server.getPrivate(), client.getPublic());

            assertThat(clientSecret).isEqualTo(serverSecret);
            withLeadingZero += clientSecret[0] == 0 ? 1 : 0;
        }
        assertThat(withLeadingZero).as("secrets that start with a zero byte were met").isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"SHA256withECDSA, secp256r1", "SHA384withECDSA, secp384r1", "SHA512withECDSA, secp521r1"})
    void signatureVerdictsEqualTheJdks(String algorithm, String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", JDK_EC);
        generator.initialize(new ECGenParameterSpec(curve));
        KeyPair key = generator.generateKeyPair();
        byte[] message = "server's CertificateVerify content".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm, JDK_EC);
        signer.initSign(key.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();
        byte[] tampered = signature.clone();
        tampered[tampered.length - 1] ^= 1;

        assertThat(verifies(algorithm, key.getPublic(), message, signature)).isTrue();
        assertThat(verifies(algorithm, key.getPublic(), message, tampered)).isFalse();
        assertThat(verifies(algorithm, key.getPublic(), "another message".getBytes(), signature)).isFalse();
    }

    private static boolean verifies(String algorithm, PublicKey key, byte[] message, byte[] signature)
            throws Exception {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(key);
        assertThat(verifier.getProvider().getName()).isEqualTo(CurveProvider.NAME);
        verifier.update(message);
        try {
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    private static java.security.spec.AlgorithmParameterSpec spec(String keyType, String curve) {
        return keyType.equals("EC") ? new ECGenParameterSpec(curve) : new NamedParameterSpec(curve);
    }

    /** As the JDK's TLS engine asks for it (sun.security.ssl.KAKeyDerivation). */
    private static byte[] secret(String agreement, Provider provider, PrivateKey own, PublicKey peer)
            throws Exception {
        KeyAgreement keyAgreement = provider == null ? KeyAgreement.getInstance(agreement)
                : KeyAgreement.getInstance(agreement, provider);
        keyAgreement.init(own);
        keyAgreement.doPhase(peer, true);
        return keyAgreement.generateSecret("TlsPremasterSecret").getEncoded();
    }
}
