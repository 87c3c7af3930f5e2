package org.certcheck.validate;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.MisencodedTimes;

/**
 * The chains {@link ClientBehaviourInteropTest} hands to OpenSSL and GnuTLS: one good chain and one
 * per defect whose verdict decides a finding's kind. Each is root, one intermediate and a leaf for
 * {@link #HOST}, minted relative to one instant.
 */
final class InteropChains {
    static final String HOST = "web.corp.test";
    static final String POLICY_A = "1.3.6.1.4.1.55555.1.1";
    static final String POLICY_B = "1.3.6.1.4.1.55555.1.2";
    static final String ANY_POLICY = "2.5.29.32.0";

    /** One chain: DER encodings, leaf and intermediates as a server would send them. */
    record Chain(String name, byte[] root, byte[] intermediate, byte[] leaf) {
    }

    private final Instant now;

    InteropChains(Instant now) {
        this.now = now;
    }

    private HeldCertificate.Builder root() {
        return HeldCertificate.builder(now).organization("Interop").commonName("Interop Root CA")
                .validFor(Duration.ofDays(-30), Duration.ofDays(3650)).certificateAuthority(1);
    }

    private HeldCertificate.Builder intermediate(HeldCertificate root) {
        return HeldCertificate.builder(now).organization("Interop").commonName("Interop Issuing CA")
                .validFor(Duration.ofDays(-20), Duration.ofDays(1825)).certificateAuthority(0).signedBy(root);
    }

    private HeldCertificate.Builder leaf(HeldCertificate intermediate) {
        return HeldCertificate.builder(now).commonName(HOST).addSubjectAltName(HOST)
                .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).signedBy(intermediate);
    }

    private static Chain chain(String name, HeldCertificate root, HeldCertificate intermediate, HeldCertificate leaf) {
        return new Chain(name, der(root.certificate()), der(intermediate.certificate()), der(leaf.certificate()));
    }

    /** Every chain, the good one first. */
    List<Chain> all() {
        List<Chain> chains = new ArrayList<>();
        HeldCertificate root = root().build();
        HeldCertificate intermediate = intermediate(root).build();
        chains.add(chain("good", root, intermediate, leaf(intermediate).build()));

        HeldCertificate softRoot = root().nonCriticalBasicConstraints().build();
        HeldCertificate softIntermediate = intermediate(softRoot).nonCriticalBasicConstraints().build();
        chains.add(chain("basicConstraints-noncritical", softRoot, softIntermediate, leaf(softIntermediate).build()));
        chains.add(chain("aki-keyid-mismatch", root, intermediate,
                leaf(intermediate).authorityKeyIdentifier(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                        15, 16, 17, 18, 19, 20}).build()));
        chains.add(chain("leaf-any-eku-only", root, intermediate, HeldCertificate.builder(now).commonName(HOST)
                .addSubjectAltName(HOST).extendedKeyUsage(KeyPurposeId.anyExtendedKeyUsage).signedBy(intermediate)
                .build()));
        HeldCertificate excludesAll = intermediate(root).excludeDnsSubtree("").build();
        chains.add(chain("nc-excluded-empty-dns", root, excludesAll, leaf(excludesAll).build()));
        HeldCertificate permitsAll = intermediate(root).permitDnsSubtree("").build();
        chains.add(chain("nc-permitted-empty-dns", root, permitsAll, leaf(permitsAll).build()));
        chains.add(chain("san-trailing-dot", root, intermediate, HeldCertificate.builder(now).commonName(HOST + ".")
                .addSubjectAltName(HOST + ".").extendedKeyUsage(KeyPurposeId.id_kp_serverAuth)
                .signedBy(intermediate).build()));

        chains.addAll(policyChains(root));
        chains.addAll(timeChains(root, intermediate));
        return chains;
    }

    private List<Chain> policyChains(HeldCertificate root) {
        List<Chain> chains = new ArrayList<>();
        HeldCertificate explicit = intermediate(root).policyConstraints(0, null).build();
        chains.add(chain("policy-required-none-asserted", root, explicit, leaf(explicit).build()));
        HeldCertificate explicitA = intermediate(root).policyConstraints(0, null).addCertificatePolicy(POLICY_A).build();
        chains.add(chain("policy-required-disjoint", root, explicitA,
                leaf(explicitA).addCertificatePolicy(POLICY_B).build()));
        chains.add(chain("policy-required-met", root, explicitA, leaf(explicitA).addCertificatePolicy(POLICY_A).build()));
        HeldCertificate inhibitsAny = intermediate(root).policyConstraints(0, null).inhibitAnyPolicy(0)
                .addCertificatePolicy(ANY_POLICY).build();
        chains.add(chain("policy-inhibit-any-leaf-any", root, inhibitsAny,
                leaf(inhibitsAny).addCertificatePolicy(ANY_POLICY).build()));
        HeldCertificate mapsToAny = intermediate(root).addCertificatePolicy(POLICY_A)
                .addPolicyMapping(POLICY_A, ANY_POLICY).build();
        chains.add(chain("policy-mapping-to-any", root, mapsToAny, leaf(mapsToAny).addCertificatePolicy(POLICY_A).build()));
        HeldCertificate maps = intermediate(root).policyConstraints(0, null).addCertificatePolicy(POLICY_A)
                .addPolicyMapping(POLICY_A, POLICY_B).build();
        chains.add(chain("policy-mapped-met", root, maps, leaf(maps).addCertificatePolicy(POLICY_B).build()));
        HeldCertificate inhibitsMapping = intermediate(root).policyConstraints(0, 0).addCertificatePolicy(POLICY_A)
                .addPolicyMapping(POLICY_A, POLICY_B).build();
        chains.add(chain("policy-inhibit-mapping-same-cert", root, inhibitsMapping,
                leaf(inhibitsMapping).addCertificatePolicy(POLICY_B).build()));
        return chains;
    }

    private List<Chain> timeChains(HeldCertificate root, HeldCertificate intermediate) {
        Instant from = now.minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant until = now.plus(Duration.ofDays(90)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        byte[] goodUntil = MisencodedTimes.utcTime(format("yyMMddHHmmss'Z'", until));
        HeldCertificate leaf = leaf(intermediate).build();
        List<Chain> chains = new ArrayList<>();
        chains.add(timeChain("time-utc-without-seconds", root, intermediate, leaf,
                MisencodedTimes.utcTime(format("yyMMddHHmm'Z'", from)), goodUntil));
        chains.add(timeChain("time-utc-without-z", root, intermediate, leaf,
                MisencodedTimes.utcTime(format("yyMMddHHmmss", from)), goodUntil));
        chains.add(timeChain("time-utc-offset", root, intermediate, leaf,
                MisencodedTimes.utcTime(format("yyMMddHHmmss'+0000'", from)), goodUntil));
        chains.add(timeChain("time-generalized-fraction", root, intermediate, leaf,
                MisencodedTimes.generalizedTime(format("yyyyMMddHHmmss'.5Z'", from)), goodUntil));
        chains.add(timeChain("time-generalized-before-2050", root, intermediate, leaf,
                MisencodedTimes.generalizedTime(format("yyyyMMddHHmmss'Z'", from)), goodUntil));
        return chains;
    }

    private static Chain timeChain(String name, HeldCertificate root, HeldCertificate intermediate,
            HeldCertificate leaf, byte[] notBefore, byte[] notAfter) {
        return new Chain(name, der(root.certificate()), der(intermediate.certificate()),
                MisencodedTimes.resign(leaf, intermediate, notBefore, notAfter));
    }

    static String format(String pattern, Instant instant) {
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(instant);
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
