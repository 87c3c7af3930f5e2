package org.certcheck.clients;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The clients certcheck knows, each with the defaults its vendor documents. Each profile is the
 * current update of its line with default settings (no {@code -D} overrides, no edited
 * {@code java.security} or {@code openssl.cnf}).
 *
 * <p>JDK ({@code conf/security/java.security} of each release):
 * <ol>
 *   <li>{@code jdk.tls.disabledAlgorithms} holds {@code TLSv1, TLSv1.1} since JDK 16 and 11.0.11 /
 *       8u291 (CSR JDK-8254713), {@code DH keySize < 1024} and {@code EC keySize < 224}.
 *   <li>JDK 24 added {@code TLS_RSA_*} to it (JDK-8245545: RSA key transport, no forward secrecy), and
 *       recent 17 and 21 updates carry it too (update numbers not verified here); 17.0.15 (April 2025,
 *       this machine) does not yet.
 *   <li>JDK 25's list adds {@code rsa_pkcs1_sha1 usage HandshakeSignature, ecdsa_sha1 usage
 *       HandshakeSignature, dsa_sha1 usage HandshakeSignature} (the usage syntax is CSR JDK-8350902);
 *       no 17 or 21 update was seen with it, so those two still accept SHA-1 handshake signatures.
 *   <li>{@code jdk.certpath.disabledAlgorithms} holds {@code RSA keySize < 1024} and
 *       {@code EC keySize < 224}: a 1024-bit RSA leaf passes every JDK.
 *   <li>{@code com.sun.security.enableAIAcaIssuers} is false by default: no JDK fetches a missing
 *       intermediate.
 *   <li>{@code jdk.security.caDistrustPolicies}: see {@link JdkDistrust}.
 * </ol>
 *
 * <p>OpenSSL 3 (SSL_CTX_set_security_level(3)): "Level 1 ... 80 bits of security ... RSA, DSA and DH
 * keys shorter than 1024 bits and ECC keys shorter than 160 bits are prohibited ... signatures using
 * SHA1 and MD5 are also forbidden at this level", which since OpenSSL 3.0 also ends TLS 1.0 and 1.1
 * (their handshake signatures hash with MD5 and SHA-1: "SSL 3, TLS 1.0, TLS 1.1 and DTLS 1.0 no longer
 * working at the default security level of 1", OpenSSL 3.0 CHANGES). "Level 2 ... 112 bits ... RSA,
 * DSA and DH keys shorter than 2048 bits and ECC keys shorter than 224 bits are prohibited". Only
 * level 3 prohibits suites without forward secrecy, so TLS_RSA passes levels 1 and 2. OpenSSL never
 * fetches caIssuers URLs during verification. Level 1 is upstream's default, level 2 Debian's.
 *
 * <p>Browsers (current Chrome, Edge, Firefox, Safari; the strictest rule of the major ones):
 * TLS 1.0 and 1.1 removed (Chrome 84, Firefox 78; RFC 8996); DHE suites removed (Chrome 53, Firefox 78);
 * SHA-1 server handshake signatures removed (Chrome 117, RFC 9155); RSA keys under 1024 bits refused
 * for every root and under 2048 bits for public roots (CA/Browser Forum Baseline Requirements 6.1.5);
 * a missing intermediate is fetched from the caIssuers URL (Chrome, Safari) or taken from the
 * preloaded CCADB intermediates (Firefox). Not modelled: the browsers' own CA distrust dates, which
 * differ from the JDK's.
 */
public final class ClientProfiles {
    public static final ClientProfile JDK17 = jdk("jdk17", "JDK 17 (current update, default java.security)", true);
    public static final ClientProfile JDK21 = jdk("jdk21", "JDK 21 (current update, default java.security)", true);
    public static final ClientProfile JDK25 = jdk("jdk25", "JDK 25 (default java.security)", false);
    public static final ClientProfile OPENSSL_L1 = new ClientProfile("openssl-l1",
            "OpenSSL 3 at security level 1 (upstream default)", "TLSv1.2", true, true, false, 1024, 1024, 1024, 160,
            false, List.of());
    public static final ClientProfile OPENSSL_L2 = new ClientProfile("openssl-l2",
            "OpenSSL 3 at security level 2 (Debian's default)", "TLSv1.2", true, true, false, 2048, 2048, 2048, 224,
            false, List.of());
    public static final ClientProfile BROWSERS = new ClientProfile("browsers",
            "current browsers (Chrome, Edge, Firefox, Safari)", "TLSv1.2", true, false, false, 2048,
            1024, 2048, 256, true, List.of());

    /** Every profile, in the order reports show them. */
    public static final List<ClientProfile> ALL = List.of(JDK17, JDK21, JDK25, OPENSSL_L1, OPENSSL_L2, BROWSERS);

    private ClientProfiles() {
    }

    private static ClientProfile jdk(String id, String name, boolean sha1Signatures) {
        return new ClientProfile(id, name, "TLSv1.2", false, true, sha1Signatures, 1024, 1024, 1024, 224, false,
                JdkDistrust.ALL);
    }

    public static Optional<ClientProfile> byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(profile -> profile.id().equals(wanted)).findFirst();
    }

    /**
     * The profiles a comma-separated list names ({@code jdk25,openssl-l2}), in the list's order
     * without repeats; {@code all} names every one.
     *
     * @throws IllegalArgumentException naming the unknown entry and the known ones
     */
    public static List<ClientProfile> parse(String list) {
        Set<ClientProfile> chosen = new LinkedHashSet<>();
        for (String entry : list.split(",", -1)) {
            if (entry.isBlank()) {
                throw new IllegalArgumentException("empty entry in \"" + list + "\"; known clients: " + known());
            }
            if (entry.trim().equalsIgnoreCase("all")) {
                chosen.addAll(ALL);
                continue;
            }
            chosen.add(byId(entry).orElseThrow(() -> new IllegalArgumentException(
                    "unknown client \"" + entry.trim() + "\"; known clients: " + known())));
        }
        return new ArrayList<>(chosen);
    }

    /** {@code jdk17, jdk21, ...}. */
    public static String known() {
        return String.join(", ", ALL.stream().map(ClientProfile::id).toList()) + ", all";
    }
}
