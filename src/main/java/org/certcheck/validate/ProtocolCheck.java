package org.certcheck.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;

/**
 * The negotiated protocol and cipher suite. TLS 1.0 and 1.1 are deprecated by RFC 8996 and SSL 3
 * by RFC 7568; RC4 (RFC 7465), single and triple DES (Sweet32), NULL, EXPORT and anonymous suites
 * protect nothing worth the name. Each is a failure: the server must be reconfigured.
 */
final class ProtocolCheck {
    private static final Set<String> LEGACY = Set.of("TLSv1", "TLSv1.1", "SSLv3", "SSLv2Hello", "SSLv2");

    private ProtocolCheck() {
    }

    static List<Finding> check(String protocol, String cipherSuite) {
        List<Finding> findings = new ArrayList<>();
        if (LEGACY.contains(protocol)) {
            findings.add(Finding.of(FindingCode.TLS_LEGACY_PROTOCOL,
                    "the server negotiated " + protocol + ", which is deprecated (RFC 8996) and refused by current"
                            + " clients, Java's included: enable TLS 1.2 and 1.3 on the server"));
        }
        String weakness = weakness(cipherSuite);
        if (weakness != null) {
            findings.add(Finding.of(FindingCode.TLS_WEAK_CIPHER,
                    "the server negotiated " + cipherSuite + " (" + weakness + "): configure it to prefer"
                            + " ECDHE with AES-GCM or ChaCha20-Poly1305"));
        }
        return findings;
    }

    private static String weakness(String suite) {
        if (suite.contains("_RC4_")) {
            return "RC4 is broken, RFC 7465";
        }
        if (suite.contains("_3DES_") || suite.contains("_DES_") || suite.contains("DES40")) {
            return "64-bit block cipher, vulnerable to Sweet32";
        }
        if (suite.contains("_NULL_") || suite.endsWith("_NULL")) {
            return "no encryption at all";
        }
        if (suite.contains("_EXPORT")) {
            return "export-grade key sizes";
        }
        if (suite.contains("_anon_")) {
            return "anonymous key exchange, no server authentication";
        }
        return null;
    }
}
