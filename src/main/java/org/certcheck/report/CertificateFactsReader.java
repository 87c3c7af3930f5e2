package org.certcheck.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.XECKey;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.security.auth.x500.X500Principal;

/**
 * Turns an {@link X509Certificate} into {@link CertificateFacts}.
 *
 * <p>A report must describe whatever a server sent, including certificates built wrong on purpose,
 * so every fact is read on its own and a fact that cannot be read becomes a placeholder
 * ({@value #UNREADABLE}, key size 0, no SANs) instead of an exception.
 */
final class CertificateFactsReader {
    static final String UNREADABLE = "<unreadable>";
    private static final HexFormat FINGERPRINT = HexFormat.ofDelimiter(":").withUpperCase();

    private CertificateFactsReader() {
    }

    static CertificateFacts read(X509Certificate certificate) {
        PublicKey key = attempt(certificate::getPublicKey, null);
        return new CertificateFacts(
                attempt(() -> certificate.getSubjectX500Principal().getName(X500Principal.RFC2253), UNREADABLE),
                attempt(() -> certificate.getIssuerX500Principal().getName(X500Principal.RFC2253), UNREADABLE),
                SubjectAltNames.of(certificate),
                attempt(() -> certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT), UNREADABLE),
                attempt(() -> sha256Fingerprint(certificate), UNREADABLE),
                attempt(() -> keyType(key), UNREADABLE),
                attempt(() -> keySize(key), 0),
                attempt(certificate::getSigAlgName, UNREADABLE),
                attempt(() -> certificate.getNotBefore().toInstant(), Instant.EPOCH),
                attempt(() -> certificate.getNotAfter().toInstant(), Instant.EPOCH),
                attempt(() -> key == null ? UNREADABLE : sha256(key.getEncoded()), UNREADABLE),
                attempt(() -> keyUsage(certificate), List.of()),
                attempt(() -> extendedKeyUsage(certificate), List.of()));
    }

    private static final String[] KEY_USAGES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
            "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    private static List<String> keyUsage(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; bits != null && i < bits.length && i < KEY_USAGES.length; i++) {
            if (bits[i]) {
                names.add(KEY_USAGES[i]);
            }
        }
        return names;
    }

    private static List<String> extendedKeyUsage(X509Certificate certificate) {
        List<String> oids;
        try {
            oids = certificate.getExtendedKeyUsage();
        } catch (java.security.cert.CertificateParsingException e) {
            return List.of();
        }
        if (oids == null) {
            return List.of();
        }
        return oids.stream().map(oid -> switch (oid) {
            case "1.3.6.1.5.5.7.3.1" -> "serverAuth";
            case "1.3.6.1.5.5.7.3.2" -> "clientAuth";
            case "1.3.6.1.5.5.7.3.3" -> "codeSigning";
            case "1.3.6.1.5.5.7.3.4" -> "emailProtection";
            case "1.3.6.1.5.5.7.3.8" -> "timeStamping";
            case "1.3.6.1.5.5.7.3.9" -> "OCSPSigning";
            case "2.5.29.37.0" -> "anyExtendedKeyUsage";
            default -> oid;
        }).toList();
    }

    private static String sha256(byte[] encoded) {
        try {
            return FINGERPRINT.formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support SHA-256", e);
        }
    }

    static String sha256Fingerprint(X509Certificate certificate) {
        try {
            return FINGERPRINT.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            return UNREADABLE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support SHA-256", e);
        }
    }

    /**
     * The JCA algorithm name, except that EdDSA and XDH keys are named by their curve
     * ({@code Ed25519}, {@code X448}) as RFC 8410 names them, since "EdDSA" alone hides the size.
     */
    private static String keyType(PublicKey key) {
        if (key instanceof EdECKey edec) {
            return edec.getParams().getName();
        }
        if (key instanceof XECKey xec && xec.getParams() instanceof NamedParameterSpec named) {
            return named.getName();
        }
        return key.getAlgorithm();
    }

    /**
     * RSA modulus bits, the EC field size, the DSA prime size, and for RFC 8410 curves the size the
     * JDK itself reports (255 for Ed25519/X25519, 448 for Ed448/X448); 0 for anything else.
     */
    private static int keySize(PublicKey key) {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof DSAKey dsa && dsa.getParams() != null) {
            return dsa.getParams().getP().bitLength();
        }
        String curve = keyType(key);
        if (curve.endsWith("25519")) {
            return 255;
        }
        return curve.endsWith("448") ? 448 : 0;
    }

    private static <T> T attempt(Supplier<T> fact, T fallback) {
        try {
            T value = fact.get();
            return value != null ? value : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
