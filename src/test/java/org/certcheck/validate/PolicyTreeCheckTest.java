package org.certcheck.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Role;
import org.certcheck.finding.Severity;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.MisencodedTimes;
import org.junit.jupiter.api.Test;

/** RFC 5280 6.1 policy processing on chains minted for each rule; the message names the constraint. */
class PolicyTreeCheckTest {
    private static final String A = InteropChains.POLICY_A;
    private static final String B = InteropChains.POLICY_B;
    private static final String ANY = InteropChains.ANY_POLICY;

    private final Instant now = Instant.now();
    private final HeldCertificate root = HeldCertificate.builder(now).commonName("Policy Root")
            .validFor(Duration.ofDays(-10), Duration.ofDays(100)).certificateAuthority(3)
            .policyConstraints(0, 0).inhibitAnyPolicy(0).build();

    private HeldCertificate.Builder ca(String name, HeldCertificate issuer) {
        return HeldCertificate.builder(now).commonName(name).certificateAuthority(2).signedBy(issuer);
    }

    private HeldCertificate.Builder leaf(HeldCertificate issuer) {
        return HeldCertificate.builder(now).commonName("web.corp.test").addSubjectAltName("web.corp.test")
                .signedBy(issuer);
    }

    /** The path leaf first, ending at {@link #root}, which is trusted. */
    private static List<Finding> check(HeldCertificate... leafFirst) {
        List<X509Certificate> certificates = Stream.of(leafFirst).map(HeldCertificate::certificate).toList();
        return PolicyTreeCheck.check(new CertificatePath(certificates,
                Optional.of(certificates.get(certificates.size() - 1))));
    }

    @Test
    void chainWithoutAnyPolicyExtensionPasses() {
        HeldCertificate intermediate = ca("Issuing CA", root).build();
        assertThat(check(leaf(intermediate).build(), intermediate, root)).isEmpty();
    }

    /** The anchor's own policyConstraints and inhibitAnyPolicy (root above has both) are inputs, not processed. */
    @Test
    void anchorExtensionsAreNotProcessed() {
        HeldCertificate intermediate = ca("Issuing CA", root).addCertificatePolicy(ANY).build();
        assertThat(check(leaf(intermediate).addCertificatePolicy(ANY).build(), intermediate, root)).isEmpty();
    }

    @Test
    void requireExplicitPolicyWithoutPoliciesFailsNamingTheConstraint() {
        HeldCertificate intermediate = ca("Issuing CA", root).policyConstraints(0, null).build();
        List<Finding> findings = check(leaf(intermediate).build(), intermediate, root);
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(FindingCode.CHAIN_POLICY);
            assertThat(finding.severity()).isEqualTo(Severity.FAIL);
            assertThat(finding.role()).isEqualTo(Role.LEAF);
            assertThat(finding.certificate()).contains("CN=web.corp.test");
            assertThat(finding.message()).startsWith("requireExplicitPolicy of CN=Issuing CA (skip 0) demands a policy,"
                    + " and the valid policy tree is empty after CN=Issuing CA: it has no certificatePolicies extension.")
                    .contains("the CA must issue CN=Issuing CA with a policy its issuers allow");
        });
    }

    @Test
    void leafPolicyOutsideWhatItsIssuerAllowsFails() {
        HeldCertificate intermediate = ca("Issuing CA", root).policyConstraints(0, null).addCertificatePolicy(A).build();
        assertThat(check(leaf(intermediate).addCertificatePolicy(B).build(), intermediate, root))
                .singleElement().extracting(Finding::message).asString()
                .contains("empty after CN=web.corp.test: none of its policies (" + B + ") is one its issuers allow ("
                        + A + ")");
    }

    @Test
    void leafPolicyThatItsIssuerAllowsPasses() {
        HeldCertificate intermediate = ca("Issuing CA", root).policyConstraints(0, null).addCertificatePolicy(A).build();
        assertThat(check(leaf(intermediate).addCertificatePolicy(A).build(), intermediate, root)).isEmpty();
    }

    /** 6.1.5 (b): the leaf's own requireExplicitPolicy of 0 applies to itself. */
    @Test
    void leafThatRequiresAPolicyItselfNeedsOne() {
        HeldCertificate intermediate = ca("Issuing CA", root).build();
        assertThat(check(leaf(intermediate).policyConstraints(0, null).build(), intermediate, root))
                .singleElement().extracting(Finding::message).asString()
                .startsWith("requireExplicitPolicy of CN=web.corp.test (skip 0) demands a policy");
    }

    @Test
    void inhibitAnyPolicyMakesTheLeafsAnyPolicyCountForNothing() {
        HeldCertificate intermediate = ca("Issuing CA", root).policyConstraints(0, null).inhibitAnyPolicy(0)
                .addCertificatePolicy(ANY).build();
        assertThat(check(leaf(intermediate).addCertificatePolicy(ANY).build(), intermediate, root))
                .singleElement().extracting(Finding::message).asString()
                .contains("empty after CN=web.corp.test: its anyPolicy counts for nothing under inhibitAnyPolicy of"
                        + " CN=Issuing CA (skip 0).");
    }

    @Test
    void mappingToAnyPolicyIsAnError() {
        HeldCertificate intermediate = ca("Issuing CA", root).addCertificatePolicy(A).addPolicyMapping(A, ANY).build();
        assertThat(check(leaf(intermediate).addCertificatePolicy(A).build(), intermediate, root))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.role()).isEqualTo(Role.INTERMEDIATE);
                    assertThat(finding.message()).startsWith("CN=Issuing CA maps " + A + " -> " + ANY
                            + " in policyMappings, and RFC 5280 4.2.1.5 and 6.1.4 (a) forbid");
                });
    }

    @Test
    void mappedPolicyIsAcceptedInTheSubjectDomain() {
        HeldCertificate intermediate = ca("Issuing CA", root).policyConstraints(0, null).addCertificatePolicy(A)
                .addPolicyMapping(A, B).build();
        assertThat(check(leaf(intermediate).addCertificatePolicy(B).build(), intermediate, root)).isEmpty();
        assertThat(check(leaf(intermediate).addCertificatePolicy(A).build(), intermediate, root)).hasSize(1);
    }

    /** 6.1.4 (b) runs before (i): inhibitPolicyMapping does not stop its own certificate's mappings. */
    @Test
    void inhibitPolicyMappingAppliesAfterItsOwnCertificate() {
        HeldCertificate inhibits = ca("Upper CA", root).policyConstraints(0, 0).addCertificatePolicy(A)
                .addPolicyMapping(A, B).build();
        assertThat(check(leaf(inhibits).addCertificatePolicy(B).build(), inhibits, root)).isEmpty();

        HeldCertificate upper = ca("Upper CA", root).policyConstraints(0, 0).addCertificatePolicy(A).build();
        HeldCertificate mapper = ca("Issuing CA", upper).addCertificatePolicy(A).addPolicyMapping(A, B).build();
        assertThat(check(leaf(mapper).addCertificatePolicy(B).build(), mapper, upper, root))
                .singleElement().extracting(Finding::message).asString()
                .contains("empty after CN=Issuing CA: inhibitPolicyMapping of CN=Upper CA (skip 0) forbids its"
                        + " mappings of " + A);
    }

    /** 6.1.3 (d)(2): a self-issued intermediate's anyPolicy counts even where inhibitAnyPolicy is 0. */
    @Test
    void selfIssuedIntermediateKeepsItsAnyPolicy() {
        HeldCertificate upper = ca("Rollover CA", root).policyConstraints(0, null).inhibitAnyPolicy(0)
                .addCertificatePolicy(ANY).build();
        HeldCertificate rollover = ca("Rollover CA", upper).addCertificatePolicy(ANY).build();
        assertThat(check(leaf(rollover).addCertificatePolicy(A).build(), rollover, upper, root)).isEmpty();

        HeldCertificate other = ca("Other CA", upper).addCertificatePolicy(ANY).build();
        assertThat(check(leaf(other).addCertificatePolicy(A).build(), other, upper, root)).hasSize(1);
    }

    /** 6.1.4 (h): a self-issued intermediate does not use up a skip count. */
    @Test
    void selfIssuedIntermediateDoesNotCountTowardsSkip() {
        HeldCertificate upper = ca("Rollover CA", root).policyConstraints(2, null).addCertificatePolicy(ANY).build();
        HeldCertificate rollover = ca("Rollover CA", upper).build();
        assertThat(check(leaf(rollover).build(), rollover, upper, root)).isEmpty();

        HeldCertificate other = ca("Other CA", upper).build();
        assertThat(check(leaf(other).build(), other, upper, root)).singleElement().extracting(Finding::message)
                .asString().startsWith("requireExplicitPolicy of CN=Rollover CA (skip 2) demands a policy");
    }

    @Test
    void malformedPolicyExtensionIsAFindingNotAnException() {
        HeldCertificate intermediate = ca("Issuing CA", root)
                .addRawExtension("2.5.29.32", false, new byte[] {0x30, 0x03, 0x02, 0x01, 0x05}).build();
        assertThat(check(leaf(intermediate).build(), intermediate, root)).singleElement()
                .extracting(Finding::message).asString()
                .startsWith("CN=Issuing CA: its certificatePolicies extension cannot be read (");
    }

    @Test
    void emptyPolicyConstraintsAndDuplicatePoliciesAreMalformed() {
        HeldCertificate empty = ca("Issuing CA", root).addRawExtension("2.5.29.36", true, new byte[] {0x30, 0x00})
                .build();
        assertThat(check(leaf(empty).build(), empty, root)).singleElement().extracting(Finding::message).asString()
                .contains("its policyConstraints extension cannot be read (an empty sequence");
        HeldCertificate twice = ca("Issuing CA", root).addCertificatePolicy(A).addCertificatePolicy(A).build();
        assertThat(check(leaf(twice).build(), twice, root)).singleElement().extracting(Finding::message).asString()
                .contains("policy " + A + " appears twice");
    }

    /** Each CA asserts ten policies and maps each to all ten: the tree would grow tenfold per certificate. */
    @Test
    void exponentialTreeIsCappedWithAFinding() {
        HeldCertificate issuer = root;
        HeldCertificate[] path = new HeldCertificate[6];
        for (int level = 4; level >= 1; level--) {
            HeldCertificate.Builder builder = ca("Hostile CA " + level, issuer);
            for (int p = 0; p < 10; p++) {
                builder.addCertificatePolicy(A + "." + p);
                for (int q = 0; q < 10; q++) {
                    builder.addPolicyMapping(A + "." + p, A + "." + q);
                }
            }
            issuer = builder.build();
            path[level] = issuer;
        }
        path[0] = leaf(issuer).addCertificatePolicy(A + ".0").build();
        path[5] = root;
        assertThat(check(path)).singleElement().extracting(Finding::message).asString()
                .startsWith("the policy tree grows past 1000 nodes at CN=");
    }

    @Test
    void untrustedPathIsNotJudgedHere() {
        HeldCertificate intermediate = ca("Issuing CA", root).policyConstraints(0, null).build();
        assertThat(PolicyTreeCheck.check(new CertificatePath(List.of(leaf(intermediate).build().certificate(),
                intermediate.certificate()), Optional.empty()))).isEmpty();
    }

    /** On every policy chain of the interop table, a finding exactly where OpenSSL with policy checking rejects. */
    @Test
    void agreesWithOpenSslPolicyCheckingOnTheInteropChains() throws Exception {
        java.util.Map<String, InteropChains.Chain> chains = new java.util.HashMap<>();
        new InteropChains(now).all().forEach(chain -> chains.put(chain.name(), chain));
        List<ClientBehaviourInteropTest.Row> rows = ClientBehaviourInteropTest.table()
                .filter(row -> row.chain().startsWith("policy-")).toList();
        assertThat(rows).hasSizeGreaterThan(5);
        for (ClientBehaviourInteropTest.Row row : rows) {
            InteropChains.Chain chain = chains.get(row.chain());
            List<X509Certificate> certificates = List.of(MisencodedTimes.parse(chain.leaf()),
                    MisencodedTimes.parse(chain.intermediate()), MisencodedTimes.parse(chain.root()));
            List<Finding> findings = PolicyTreeCheck.check(new CertificatePath(certificates,
                    Optional.of(certificates.get(2))));
            assertThat(findings).as(row.chain() + ": " + findings)
                    .hasSize(row.opensslPolicy().equals("accept") ? 0 : 1);
        }
    }
}
