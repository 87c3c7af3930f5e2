package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.TestPki;

import static org.assertj.core.api.Assertions.assertThat;

class ChainCheckTest {
    private final TestPki pki = new TestPki();
    private final ChainCheck check = new ChainCheck(new TrustAnchors(List.of(pki.root.certificate()), "test root"));

    private ChainCheck.Result judge(HeldCertificate... sent) {
        return check.check(List.of(sent).stream().map(HeldCertificate::certificate).toList());
    }

    private static List<FindingCode> codes(ChainCheck.Result result) {
        return result.findings().stream().map(Finding::code).toList();
    }

    @Test
    void leafAndIntermediateReachTheTrustedRoot() {
        HeldCertificate leaf = pki.leaf("good.test").build();

        ChainCheck.Result result = judge(leaf, pki.intermediate);

        assertThat(result.findings()).isEmpty();
        assertThat(result.path().trusted()).isTrue();
        assertThat(result.path().certificates()).extracting(X509Certificate::getSubjectX500Principal)
                .containsExactly(leaf.certificate().getSubjectX500Principal(),
                        pki.intermediate.certificate().getSubjectX500Principal(),
                        pki.root.certificate().getSubjectX500Principal());
    }

    @Test
    void chainInAnyOrderWithDuplicatesAndExtrasIsAccepted() {
        HeldCertificate leaf = pki.leaf("good.test").build();
        HeldCertificate unrelated = TestPki.otherRoot(pki.now);

        ChainCheck.Result result = judge(leaf, unrelated, pki.root, pki.intermediate, pki.intermediate);

        assertThat(result.findings()).isEmpty();
        assertThat(result.path().anchor()).contains(pki.root.certificate());
    }

    @Test
    void missingIntermediateIsAnIncompleteChain() {
        ChainCheck.Result result = judge(pki.leaf("good.test").build());

        assertThat(codes(result)).containsExactly(FindingCode.CHAIN_INCOMPLETE);
        assertThat(result.findings().get(0).message()).contains("CN=Test Issuing CA");
    }

    @Test
    void selfSignedLeafIsReportedAsSuch() {
        HeldCertificate self = HeldCertificate.builder(pki.now).commonName("self.test").addSubjectAltName("self.test")
                .build();

        assertThat(codes(judge(self))).containsExactly(FindingCode.CHAIN_SELF_SIGNED);
    }

    @Test
    void selfSignedLeafThatIsItselfTrustedPasses() {
        HeldCertificate self = HeldCertificate.builder(pki.now).commonName("self.test").build();
        ChainCheck pinned = new ChainCheck(new TrustAnchors(List.of(self.certificate()), "pinned"));

        assertThat(pinned.check(List.of(self.certificate())).findings()).isEmpty();
    }

    @Test
    void chainToAnotherRootIsUntrustedAndNamesThatRoot() {
        HeldCertificate other = TestPki.otherRoot(pki.now);
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("x.test").signedBy(other).build();

        ChainCheck.Result result = judge(leaf, other);

        assertThat(codes(result)).containsExactly(FindingCode.CHAIN_UNTRUSTED);
        assertThat(result.findings().get(0).message()).contains("CN=Other Root CA");
        assertThat(result.findings().get(0).certificate()).contains("CN=Other Root CA");
    }

    @Test
    void intermediateOfAnUnknownCaWithoutItsRootIsUntrusted() {
        HeldCertificate other = TestPki.otherRoot(pki.now);
        HeldCertificate otherIntermediate = HeldCertificate.builder(pki.now).commonName("Other Issuing CA")
                .certificateAuthority(0).signedBy(other).build();
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("x.test").signedBy(otherIntermediate).build();

        assertThat(codes(judge(leaf, otherIntermediate))).containsExactly(FindingCode.CHAIN_UNTRUSTED);
    }

    @Test
    void impostorIntermediateWithTheRightNameButAnotherKeyHasABadSignature() {
        HeldCertificate impostor = HeldCertificate.builder(pki.now).organization("Test Corp")
                .commonName("Test Issuing CA").certificateAuthority(0).build();
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("x.test").signedBy(impostor).build();

        ChainCheck.Result result = judge(leaf, pki.intermediate);

        assertThat(codes(result)).containsExactly(FindingCode.CHAIN_BAD_SIGNATURE);
    }

    @Test
    void issuerWithoutBasicConstraintsIsNotACa() {
        HeldCertificate notCa = HeldCertificate.builder(pki.now).commonName("Not A CA").withoutBasicConstraints()
                .signedBy(pki.intermediate).build();
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("x.test").signedBy(notCa).build();

        ChainCheck.Result result = judge(leaf, notCa, pki.intermediate);

        // The rogue issuer is one intermediate too many for both the issuing CA and the root.
        assertThat(codes(result)).containsExactly(FindingCode.CHAIN_NOT_CA, FindingCode.CHAIN_PATH_LENGTH,
                FindingCode.CHAIN_PATH_LENGTH);
        assertThat(result.findings().get(0).certificate()).contains("CN=Not A CA");
    }

    @Test
    void intermediateBelowAPathLenZeroCaExceedsThePathLength() {
        HeldCertificate sub = HeldCertificate.builder(pki.now).commonName("Sub CA").certificateAuthority(-1)
                .signedBy(pki.intermediate).build();
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("x.test").signedBy(sub).build();

        ChainCheck.Result result = judge(leaf, sub, pki.intermediate);

        assertThat(codes(result)).containsOnly(FindingCode.CHAIN_PATH_LENGTH);
        assertThat(result.findings().get(0).message()).contains("CN=Test Issuing CA", "pathLen 0");
        assertThat(result.findings().get(1).message()).contains("CN=Test Root CA", "pathLen 1");
    }

    @Test
    void caWhoseKeyUsageLacksKeyCertSignIsReported() {
        HeldCertificate ca = HeldCertificate.builder(pki.now).commonName("Signing-only CA").certificateAuthority(-1)
                .keyUsage(KeyUsage.digitalSignature).signedBy(pki.root).build();
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("x.test").signedBy(ca).build();

        assertThat(codes(judge(leaf, ca))).containsExactly(FindingCode.CHAIN_CA_KEY_USAGE);
    }

    @Test
    void dnsNameOutsideThePermittedSubtreeViolatesNameConstraints() {
        HeldCertificate constrained = HeldCertificate.builder(pki.now).commonName("Corp-only CA")
                .certificateAuthority(0).permitDnsSubtree("corp.test").signedBy(pki.root).build();
        HeldCertificate inside = HeldCertificate.builder(pki.now).commonName("wiki.corp.test")
                .addSubjectAltName("wiki.corp.test").signedBy(constrained).build();
        HeldCertificate outside = HeldCertificate.builder(pki.now).commonName("bank.test")
                .addSubjectAltName("bank.test").signedBy(constrained).build();

        assertThat(judge(inside, constrained).findings()).isEmpty();
        ChainCheck.Result result = judge(outside, constrained);
        assertThat(codes(result)).containsExactly(FindingCode.CHAIN_NAME_CONSTRAINTS);
        assertThat(result.findings().get(0).message()).contains("DNS:bank.test", "CN=Corp-only CA");
    }

    @Test
    void excludedDnsAndIpSubtreesAreEnforced() {
        HeldCertificate constrained = HeldCertificate.builder(pki.now).commonName("Careful CA")
                .certificateAuthority(0).excludeDnsSubtree("secret.test").excludeIpSubtree("10.0.0.0/8")
                .signedBy(pki.root).build();
        HeldCertificate dns = HeldCertificate.builder(pki.now).commonName("x").addSubjectAltName("db.secret.test")
                .signedBy(constrained).build();
        HeldCertificate ip = HeldCertificate.builder(pki.now).commonName("y").addIpAddress("10.1.2.3")
                .signedBy(constrained).build();
        HeldCertificate fine = HeldCertificate.builder(pki.now).commonName("z").addIpAddress("192.168.1.1")
                .signedBy(constrained).build();

        assertThat(codes(judge(dns, constrained))).containsExactly(FindingCode.CHAIN_NAME_CONSTRAINTS);
        assertThat(codes(judge(ip, constrained))).containsExactly(FindingCode.CHAIN_NAME_CONSTRAINTS);
        assertThat(judge(fine, constrained).findings()).isEmpty();
    }

    @Test
    void nameConstraintsOfTheRootItselfApply() {
        HeldCertificate root = HeldCertificate.builder(pki.now).commonName("Constrained Root")
                .certificateAuthority(1).permitDnsSubtree("corp.test").build();
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("evil.test").addSubjectAltName("evil.test")
                .signedBy(root).build();
        ChainCheck rootCheck = new ChainCheck(new TrustAnchors(List.of(root.certificate()), "constrained"));

        assertThat(rootCheck.check(List.of(leaf.certificate())).findings()).extracting(Finding::code)
                .containsExactly(FindingCode.CHAIN_NAME_CONSTRAINTS);
    }

    @Test
    void unreadableNameConstraintsAreAFindingNotACrash() {
        // SEQUENCE { permittedSubtrees [0] {}, excludedSubtrees [1] {} }: GeneralSubtrees must
        // not be empty (RFC 5280 4.2.1.10), and Bouncy Castle refuses to parse it.
        HeldCertificate ca = HeldCertificate.builder(pki.now).commonName("Odd CA").certificateAuthority(0)
                .rawNameConstraintsExtension(new byte[] {0x30, 0x04, (byte) 0xa0, 0x00, (byte) 0xa1, 0x00})
                .signedBy(pki.root).build();
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("x.test").addSubjectAltName("x.test")
                .signedBy(ca).build();

        ChainCheck.Result result = judge(leaf, ca);

        assertThat(codes(result)).containsExactly(FindingCode.CHAIN_NAME_CONSTRAINTS);
        assertThat(result.findings().get(0).message()).contains("CN=Odd CA", "nameConstraints", "cannot be read");
    }

    @Test
    void unknownCriticalExtensionIsRejected() {
        HeldCertificate leaf = pki.leaf("x.test").addUnknownCriticalExtension("1.3.6.1.4.1.55555.1").build();

        assertThat(codes(judge(leaf, pki.intermediate))).containsExactly(FindingCode.CERT_UNKNOWN_CRITICAL_EXTENSION);
    }

    @Test
    void expiredIntermediateStillBuildsAPath() {
        HeldCertificate old = HeldCertificate.builder(pki.now).commonName("Old CA").certificateAuthority(0)
                .validFor(Duration.ofDays(-400), Duration.ofDays(365)).signedBy(pki.root).build();
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("x.test").signedBy(old).build();

        ChainCheck.Result result = judge(leaf, old);

        assertThat(result.path().trusted()).isTrue();
        assertThat(result.findings()).isEmpty();
    }
}
