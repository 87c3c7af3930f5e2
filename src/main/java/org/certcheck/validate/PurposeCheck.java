package org.certcheck.validate;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Severity;

/**
 * The leaf's extendedKeyUsage, when present, must allow TLS server authentication
 * (RFC 5280 section 4.2.1.12; id-kp-serverAuth or anyExtendedKeyUsage).
 */
public final class PurposeCheck {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY = "2.5.29.37.0";

    public List<Finding> check(X509Certificate leaf) {
        List<String> purposes;
        try {
            purposes = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return List.of(Finding.about(Certificates.subject(leaf), FindingCode.CERT_PURPOSE, Severity.FAIL,
                    "the extendedKeyUsage extension cannot be parsed: " + e.getMessage()));
        }
        if (purposes == null || purposes.contains(SERVER_AUTH) || purposes.contains(ANY)) {
            return List.of();
        }
        return List.of(Finding.about(Certificates.subject(leaf), FindingCode.CERT_PURPOSE, Severity.FAIL,
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
            default -> oid;
        };
    }
}
