package org.certcheck.report;

import java.util.Locale;

/**
 * The family of a certificate's signature key, and whether it resists a quantum computer: RSA,
 * ECDSA and EdDSA do not (Shor's algorithm); ML-DSA (FIPS 204) and SLH-DSA (FIPS 205) do.
 */
final class SignatureFamily {
    private SignatureFamily() {
    }

    /** {@code RSA}, {@code ECDSA}, {@code EdDSA}, {@code ML-DSA}, {@code SLH-DSA}, or the key type as read. */
    static String of(CertificateFacts certificate) {
        String type = certificate.keyType().toUpperCase(Locale.ROOT);
        if (type.startsWith("RSA")) {
            return "RSA";
        }
        if (type.equals("EC") || type.startsWith("ECDSA")) {
            return "ECDSA";
        }
        if (type.startsWith("ED")) {
            return "EdDSA";
        }
        if (type.startsWith("ML-DSA") || type.startsWith("MLDSA") || type.startsWith("DILITHIUM")) {
            return "ML-DSA";
        }
        if (type.startsWith("SLH-DSA") || type.startsWith("SPHINCS")) {
            return "SLH-DSA";
        }
        return certificate.keyType();
    }

    static boolean postQuantum(String family) {
        return family.equals("ML-DSA") || family.equals("SLH-DSA");
    }

    /** {@code ECDSA (classical)}. */
    static String describe(CertificateFacts certificate) {
        String family = of(certificate);
        return family + (postQuantum(family) ? " (post-quantum)" : " (classical)");
    }
}
