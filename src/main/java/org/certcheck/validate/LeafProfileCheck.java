package org.certcheck.validate;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Role;

/**
 * What a TLS server certificate must be, beyond its name and purpose: not a CA (RFC 5280 §4.2.1.9:
 * keyCertSign only with cA TRUE), a keyUsage its key can actually perform in a TLS handshake
 * (RFC 5280 §4.2.1.3, RFC 8813 §3: an EC key cannot encipher), and no longer-lived than the
 * organisation allows ({@code --max-validity-days}).
 */
final class LeafProfileCheck implements Check {
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int DATA_ENCIPHERMENT = 3;
    private static final int KEY_AGREEMENT = 4;
    private static final int KEY_CERT_SIGN = 5;

    private final OptionalInt maxValidityDays;

    LeafProfileCheck(OptionalInt maxValidityDays) {
        this.maxValidityDays = maxValidityDays;
    }

    @Override
    public List<Finding> check(Evidence evidence) {
        return check(evidence.path(), maxValidityDays);
    }

    static List<Finding> check(CertificatePath path, OptionalInt maxValidityDays) {
        X509Certificate leaf = path.leaf();
        if (path.trusted() && path.certificates().size() == 1) {
            // The leaf is itself the trusted certificate (pinned self-signed): it is its own CA.
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        String subject = Certificates.subject(leaf);
        boolean[] usage = leaf.getKeyUsage();
        if (leaf.getBasicConstraints() >= 0) {
            findings.add(Finding.about(subject, Role.LEAF, FindingCode.CERT_LEAF_IS_CA,
                    "the server certificate " + subject + " is a CA certificate (basicConstraints CA:TRUE): whoever"
                            + " holds its key can issue certificates for any name; reissue it with CA:FALSE"));
        } else if (bit(usage, KEY_CERT_SIGN)) {
            findings.add(Finding.about(subject, Role.LEAF, FindingCode.CERT_LEAF_IS_CA,
                    "the server certificate " + subject + " has keyUsage keyCertSign but is not a CA; RFC 5280"
                            + " 4.2.1.9 forbids that: reissue it without keyCertSign"));
        }
        if (usage != null) {
            keyUsageProblem(leaf.getPublicKey(), usage).ifPresent(problem -> findings.add(Finding.about(subject,
                    Role.LEAF, FindingCode.CERT_KEY_USAGE, "the keyUsage of " + subject + " " + problem)));
        }
        if (maxValidityDays.isPresent()) {
            Duration validity = Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
            long days = validity.toDays();
            if (validity.compareTo(Duration.ofDays(maxValidityDays.getAsInt())) > 0) {
                findings.add(Finding.about(subject, Role.LEAF, FindingCode.CERT_VALIDITY_TOO_LONG,
                        "the certificate is valid for " + days + " days (notBefore to notAfter), longer than the "
                                + maxValidityDays.getAsInt() + " days allowed by --max-validity-days: reissue it"
                                + " with a shorter validity"));
            }
        }
        return findings;
    }

    private static Optional<String> keyUsageProblem(PublicKey key, boolean[] usage) {
        boolean signature = bit(usage, DIGITAL_SIGNATURE);
        if (key instanceof RSAKey) {
            return signature || bit(usage, KEY_ENCIPHERMENT) ? Optional.empty()
                    : Optional.of("has neither digitalSignature nor keyEncipherment, so its RSA key can"
                            + " serve no TLS key exchange: reissue it with digitalSignature");
        }
        if (key instanceof ECKey) {
            if (bit(usage, KEY_ENCIPHERMENT) || bit(usage, DATA_ENCIPHERMENT)) {
                return Optional.of("allows key or data encipherment, which an EC key cannot do (RFC 8813"
                        + " 3): reissue it with digitalSignature only");
            }
            // keyAgreement alone served only the static ECDH suites, which TLS 1.3 removed (RFC 8446) and
            // clients no longer offer: every current key exchange has the server sign with its key.
            return signature ? Optional.empty()
                    : Optional.of("lacks digitalSignature, which an EC key needs to sign the TLS"
                            + " handshake (ECDHE and TLS 1.3)" + (bit(usage, KEY_AGREEMENT) ? "; keyAgreement alone"
                            + " served only the static ECDH suites that TLS 1.3 removed" : "")
                            + ": reissue it with digitalSignature");
        }
        return signature ? Optional.empty()
                : Optional.of("lacks digitalSignature, which its key needs to sign the TLS handshake");
    }

    private static boolean bit(boolean[] usage, int bit) {
        return usage != null && usage.length > bit && usage[bit];
    }
}
