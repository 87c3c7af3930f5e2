package org.certcheck.crypto;

import java.security.Provider;
import java.security.Security;

/**
 * A security provider with only Bouncy Castle's elliptic-curve arithmetic: ECDSA signatures,
 * P-256/P-384/P-521 key pairs and ECDH, X25519/X448 key pairs and agreement.
 *
 * <p>Why it exists: on Java 17 the JDK's own curve code is pure Java and slow (measured here: an
 * ECDSA P-256 verification 1.3 ms against Bouncy Castle's 0.4 ms, a P-256 key pair 0.7 ms against
 * 0.1 ms), and a TLS 1.3 client pays for two key shares, one key agreement and one signature
 * check per handshake. Over a fleet that was most of certcheck's CPU. The JDK's TLS engine takes
 * its algorithms from the installed providers and offers no per-connection choice, so the command
 * line installs this provider first when the JDK's TLS runs ({@link #preferForThisProcess()}); everything else (X.509
 * parsing, RSA, hashes, ciphers, key factories) stays with the JDK.
 *
 * <p>Only class names are registered: Bouncy Castle's full provider, with its hundreds of
 * algorithms, is never constructed, so start-up does not pay for it either (about 180 ms). That is
 * also why EdDSA is left out: Bouncy Castle's EdDSA signature class builds the full provider when it
 * is created, and the JDK's TLS engine creates one of every signature scheme it knows at its first
 * handshake.
 */
public final class CurveProvider extends Provider {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "certcheck-curves";
    private static final String EC = "org.bouncycastle.jcajce.provider.asymmetric.ec.";
    private static final String EDEC = "org.bouncycastle.jcajce.provider.asymmetric.edec.";

    /** One instance for signature checks that name their provider (never installed by using it). */
    public static final CurveProvider INSTANCE = new CurveProvider();

    public CurveProvider() {
        super(NAME, "1.0", "Bouncy Castle elliptic-curve arithmetic for certcheck");
        signature("SHA1withECDSA", EC + "SignatureSpi$ecDSA");
        signature("SHA224withECDSA", EC + "SignatureSpi$ecDSA224");
        signature("SHA256withECDSA", EC + "SignatureSpi$ecDSA256");
        signature("SHA384withECDSA", EC + "SignatureSpi$ecDSA384");
        signature("SHA512withECDSA", EC + "SignatureSpi$ecDSA512");
        signature("SHA3-256withECDSA", EC + "SignatureSpi$ecDSASha3_256");
        signature("SHA3-384withECDSA", EC + "SignatureSpi$ecDSASha3_384");
        signature("SHA3-512withECDSA", EC + "SignatureSpi$ecDSASha3_512");
        put("KeyPairGenerator.EC", EC + "KeyPairGeneratorSpi$EC");
        put("KeyAgreement.ECDH", EC + "KeyAgreementSpi$DH");
        put("KeyPairGenerator.XDH", EDEC + "KeyPairGeneratorSpi$XDH");
        put("KeyPairGenerator.X25519", EDEC + "KeyPairGeneratorSpi$X25519");
        put("KeyPairGenerator.X448", EDEC + "KeyPairGeneratorSpi$X448");
        put("KeyAgreement.XDH", EDEC + "KeyAgreementSpi$XDH");
        put("KeyAgreement.X25519", EDEC + "KeyAgreementSpi$X25519");
        put("KeyAgreement.X448", EDEC + "KeyAgreementSpi$X448");
    }

    private void signature(String algorithm, String className) {
        put("Signature." + algorithm, className);
    }

    private static volatile boolean preferred;

    /**
     * Puts this provider first in the process's list, once. Called where the JDK's own TLS is about
     * to run (a probe on the JDK engine, an https fetch, the demo's servers), not at start-up:
     * inserting a provider makes the JDK load every provider it is configured with (about 40 ms),
     * which a run on the native engine never needs.
     */
    public static void preferForThisProcess() {
        if (preferred) {
            return;
        }
        synchronized (CurveProvider.class) {
            if (Security.getProvider(NAME) == null) {
                Security.insertProviderAt(new CurveProvider(), 1);
            }
            preferred = true;
        }
    }
}
