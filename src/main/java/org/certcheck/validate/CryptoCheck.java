package org.certcheck.validate;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Printable;
import org.certcheck.finding.Role;

/**
 * Cryptographic strength of every certificate on a path: signature algorithms of the certificates
 * that are not the anchor (an anchor is trusted for its key, its own signature protects nothing),
 * and the public keys of all of them, the anchor included (its key signs what is below it).
 *
 * <p>Thresholds follow NIST SP 800-131A and the CA/Browser Forum Baseline Requirements §6.1.5 and
 * §7.1.3: MD2, MD5 and SHA-1 signatures fail (collisions are practical); RSA under 2048 bits, an
 * RSA modulus that is not a multiple of 8 bits, EC keys under 256 bits and DSA keys fail. An
 * algorithm certcheck does not know is reported by its name or OID rather than guessed at.
 */
final class CryptoCheck {
    static final int MIN_RSA_BITS = 2048;
    static final int MIN_EC_BITS = 256;

    /** The curves TLS clients verify server and CA signatures on (RFC 8446 4.2.3; CA/B Forum BR 6.1.5). */
    private static final Map<String, String> TLS_CURVES = Map.of(
            "1.2.840.10045.3.1.7", "P-256",
            "1.3.132.0.34", "P-384",
            "1.3.132.0.35", "P-521");

    /** Signature OIDs whose hash is broken, with a name for messages. */
    private static final Map<String, String> WEAK_SIGNATURES = Map.of(
            "1.2.840.113549.1.1.2", "MD2withRSA",
            "1.2.840.113549.1.1.4", "MD5withRSA",
            "1.2.840.113549.1.1.5", "SHA1withRSA",
            "1.3.14.3.2.29", "SHA1withRSA",
            "1.2.840.10045.4.1", "SHA1withECDSA",
            "1.2.840.10040.4.3", "SHA1withDSA");

    /** Signature OIDs certcheck accepts. */
    private static final Map<String, String> GOOD_SIGNATURES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.11", "SHA256withRSA"),
            Map.entry("1.2.840.113549.1.1.12", "SHA384withRSA"),
            Map.entry("1.2.840.113549.1.1.13", "SHA512withRSA"),
            Map.entry("1.2.840.113549.1.1.14", "SHA224withRSA"),
            Map.entry("1.2.840.113549.1.1.10", "RSASSA-PSS"),
            Map.entry("1.2.840.10045.4.3.1", "SHA224withECDSA"),
            Map.entry("1.2.840.10045.4.3.2", "SHA256withECDSA"),
            Map.entry("1.2.840.10045.4.3.3", "SHA384withECDSA"),
            Map.entry("1.2.840.10045.4.3.4", "SHA512withECDSA"),
            Map.entry("1.3.101.112", "Ed25519"),
            Map.entry("1.3.101.113", "Ed448"),
            Map.entry("2.16.840.1.101.3.4.3.1", "SHA224withDSA"),
            Map.entry("2.16.840.1.101.3.4.3.2", "SHA256withDSA"));

    private CryptoCheck() {
    }

    static List<Finding> check(CertificatePath path) {
        List<Finding> findings = new ArrayList<>();
        List<X509Certificate> chain = path.certificates();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            boolean anchor = path.trusted() && i == chain.size() - 1;
            if (!anchor) {
                signature(certificate, path.role(i)).ifPresent(findings::add);
            }
            key(certificate, path.role(i)).ifPresent(findings::add);
        }
        return findings;
    }

    /** The name of a broken hash signature (MD2, MD5, SHA-1) on {@code certificate}, if it has one. */
    static Optional<String> weakSignature(X509Certificate certificate) {
        return Optional.ofNullable(WEAK_SIGNATURES.get(certificate.getSigAlgOID()));
    }

    static Optional<Finding> signature(X509Certificate certificate, Role role) {
        String oid = certificate.getSigAlgOID();
        String subject = Certificates.subject(certificate);
        String weak = WEAK_SIGNATURES.get(oid);
        if (weak != null) {
            return Optional.of(Finding.about(subject, role, FindingCode.CERT_WEAK_SIGNATURE,
                    subject + " is signed with " + weak + ", whose hash is broken (collisions can be forged):"
                            + " have it reissued with SHA-256 or better"));
        }
        if (!GOOD_SIGNATURES.containsKey(oid)) {
            return Optional.of(Finding.about(subject, role, FindingCode.CERT_UNSUPPORTED_ALGORITHM,
                    subject + " is signed with " + describe(certificate.getSigAlgName(), oid)
                            + ", a signature algorithm certcheck does not accept: have it reissued with"
                            + " SHA256withRSA, SHA256withECDSA or Ed25519"));
        }
        return Optional.empty();
    }

    static Optional<Finding> key(X509Certificate certificate, Role role) {
        String subject = Certificates.subject(certificate);
        PublicKey key;
        try {
            key = certificate.getPublicKey();
        } catch (RuntimeException e) {
            return Optional.of(Finding.about(subject, role, FindingCode.CERT_UNSUPPORTED_ALGORITHM,
                    subject + " has a public key this JVM cannot read (" + Printable.printable(String.valueOf(e))
                            + "): have it reissued with an RSA or EC key"));
        }
        String problem = null;
        if (key instanceof RSAKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                problem = "an RSA key of " + bits + " bits, below the " + MIN_RSA_BITS + " bits required";
            } else if (bits % 8 != 0) {
                problem = "an RSA key of " + bits + " bits, not a multiple of 8 (CA/B Forum BR 6.1.5)";
            }
        } else if (key instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            Optional<String> curve = namedCurve(certificate);
            if (bits < MIN_EC_BITS) {
                problem = "an EC key of " + bits + " bits, below the " + MIN_EC_BITS + " bits required";
            } else if (curve.isEmpty() || !TLS_CURVES.containsKey(curve.get())) {
                return Optional.of(Finding.about(subject, role, FindingCode.CERT_UNSUPPORTED_ALGORITHM, subject
                        + " has an EC key " + curve.map(oid -> "on curve " + curveName(oid)).orElse("with explicit curve"
                        + " parameters (RFC 5480 2.1.1 requires a named curve)") + ", which TLS clients cannot use:"
                        + " TLS 1.3 signs only with P-256, P-384 and P-521 (RFC 8446 4.2.3) and browsers accept no"
                        + " other curve: have it reissued with a P-256 or P-384 key"));
            }
        } else if (key instanceof DSAKey dsa) {
            problem = "a DSA key (" + dsa.getParams().getP().bitLength() + " bits); DSA is not allowed in TLS 1.3"
                    + " and current clients refuse it";
        } else if (!key.getAlgorithm().startsWith("Ed") && !key.getAlgorithm().equals("EdDSA")) {
            return Optional.of(Finding.about(subject, role, FindingCode.CERT_UNSUPPORTED_ALGORITHM,
                    subject + " has a " + Printable.printable(key.getAlgorithm()) + " key, an algorithm certcheck"
                            + " does not accept: have it reissued with an RSA (2048+ bits) or EC (P-256+) key"));
        }
        if (problem == null) {
            return Optional.empty();
        }
        return Optional.of(Finding.about(subject, role, FindingCode.CERT_WEAK_KEY,
                subject + " has " + problem + ": have it reissued with an RSA key of 2048 bits or more, or an"
                        + " EC key on P-256 or larger"));
    }

    /** The named curve's OID from the certificate's SubjectPublicKeyInfo; empty for explicit parameters. */
    private static Optional<String> namedCurve(X509Certificate certificate) {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
            return info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid
                    ? Optional.of(oid.getId()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String curveName(String oid) {
        String name = ECNamedCurveTable.getName(new ASN1ObjectIdentifier(oid));
        return name == null ? "OID " + oid : name + " (" + oid + ")";
    }

    private static String describe(String name, String oid) {
        return name == null || name.equals(oid) ? "OID " + oid : Printable.printable(name) + " (" + oid + ")";
    }
}
