package org.certcheck.validate;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Role;

/**
 * The leaf's extendedKeyUsage, when present, must allow TLS server authentication (RFC 5280
 * section 4.2.1.12: id-kp-serverAuth). anyExtendedKeyUsage does not count: RFC 5280 lets an
 * application refuse it, and OpenSSL's and GnuTLS's server purpose checks do.
 */
public final class PurposeCheck implements Check {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY = "2.5.29.37.0";

    @Override
    public List<Finding> check(Evidence evidence) {
        return evidence.target().isPresent() ? check(evidence.path().leaf()) : List.of();
    }

    public List<Finding> check(X509Certificate leaf) {
        List<String> purposes;
        try {
            purposes = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return List.of(Finding.about(Certificates.subject(leaf), Role.LEAF, FindingCode.CERT_PURPOSE,
                    "the extendedKeyUsage extension cannot be parsed: " + e.getMessage()));
        }
        if (purposes == null || purposes.contains(SERVER_AUTH)) {
            return List.of();
        }
        return List.of(Finding.about(Certificates.subject(leaf), Role.LEAF, FindingCode.CERT_PURPOSE,
                "the certificate is not for TLS servers: its extendedKeyUsage allows " + names(purposes)
                        + " but not serverAuth: reissue it with serverAuth"));
    }

    private static String names(List<String> oids) {
        return String.join(", ", oids.stream().map(PurposeCheck::name).toList());
    }

    private static String name(String oid) {
        return switch (oid) {
            case "1.3.6.1.5.5.7.3.2" -> "clientAuth";
            case "1.3.6.1.5.5.7.3.3" -> "codeSigning";
            case "1.3.6.1.5.5.7.3.4" -> "emailProtection";
            case "1.3.6.1.5.5.7.3.8" -> "timeStamping";
            case "1.3.6.1.5.5.7.3.9" -> "OCSPSigning";
            case ANY -> "anyExtendedKeyUsage (which OpenSSL and GnuTLS do not take for serverAuth)";
            default -> oid;
        };
    }
}
