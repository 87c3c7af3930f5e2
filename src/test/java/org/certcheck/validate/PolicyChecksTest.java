package org.certcheck.validate;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import org.certcheck.finding.Calibration;
import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Profile;
import org.certcheck.finding.Severity;
import org.certcheck.input.Target;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.TestPki;

import static org.assertj.core.api.Assertions.assertThat;

/** Crypto policy and the certificate profile rules, one finding per defect, naming the certificate at fault. */
class PolicyChecksTest {
    private final TestPki pki = new TestPki();
    private final TrustAnchors anchors = new TrustAnchors(List.of(pki.root.certificate()), "test root");

    private List<Finding> judge(Requirements requirements, HeldCertificate... sent) {
        Validator validator = new Validator(anchors, new Policy(0, 0), requirements);
        return validator.assess(List.of(sent).stream().map(HeldCertificate::certificate).toList(),
                new Target("good.test", 443, "test"), pki.now).findings();
    }

    private List<Finding> judge(HeldCertificate... sent) {
        return judge(Requirements.NONE, sent);
    }

    private List<Finding> judge(Profile profile, HeldCertificate... sent) {
        Validator validator = new Validator(anchors, new Policy(0, 0), Requirements.NONE, Calibration.of(profile));
        return validator.assess(List.of(sent).stream().map(HeldCertificate::certificate).toList(),
                new Target("good.test", 443, "test"), pki.now).findings();
    }

    private static List<FindingCode> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void wellFormedChainHasNoFindings() {
        assertThat(judge(pki.leaf("good.test").build(), pki.intermediate)).isEmpty();
    }

    @Test
    void sha1SignedLeafIsAWeakSignature() {
        HeldCertificate rsaCa = HeldCertificate.builder(pki.now).commonName("RSA Issuing CA").rsa(2048)
                .certificateAuthority(0).signedBy(pki.root).build();
        HeldCertificate leaf = pki.leaf("good.test").signedBy(rsaCa).signatureAlgorithm("SHA1withRSA").build();

        List<Finding> findings = judge(leaf, rsaCa);

        assertThat(codes(findings)).containsExactly(FindingCode.CERT_WEAK_SIGNATURE);
        assertThat(findings.get(0).certificate()).contains("CN=good.test");
        assertThat(findings.get(0).message()).contains("SHA1withRSA").contains("SHA-256");
    }

    @Test
    void sha1SelfSignatureOfTheTrustedRootIsNotJudged() {
        HeldCertificate root = HeldCertificate.builder(pki.now).commonName("Old Root").rsa(2048)
                .signatureAlgorithm("SHA1withRSA").certificateAuthority(1).build();
        HeldCertificate leaf = pki.leaf("good.test").signedBy(root).build();
        Validator validator = new Validator(new TrustAnchors(List.of(root.certificate()), "old root"), new Policy(0, 0));

        assertThat(validator.assess(List.of(leaf.certificate()), new Target("good.test", 443, "t"), pki.now).findings())
                .isEmpty();
    }

    @Test
    void rsa1024LeafIsAWeakKey() {
        List<Finding> findings = judge(pki.leaf("good.test").rsa(1024).build(), pki.intermediate);

        assertThat(codes(findings)).containsExactly(FindingCode.CERT_WEAK_KEY);
        assertThat(findings.get(0).message()).contains("RSA key of 1024 bits").contains("2048");
    }

    @Test
    void ecLeafAllowedToEncipherHasAnInconsistentKeyUsage() {
        HeldCertificate leaf = pki.leaf("good.test")
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment).build();

        List<Finding> findings = judge(leaf, pki.intermediate);

        assertThat(codes(findings)).containsExactly(FindingCode.CERT_KEY_USAGE);
        assertThat(findings.get(0).message()).contains("EC key cannot");
    }

    @Test
    void rsaLeafWithDigitalSignatureOrKeyEnciphermentIsFine() {
        assertThat(judge(pki.leaf("good.test").rsa(2048).keyUsage(KeyUsage.keyEncipherment).build(), pki.intermediate))
                .isEmpty();
    }

    @Test
    void leafThatIsACaIsReported() {
        HeldCertificate leaf = pki.leaf("good.test").certificateAuthority(0)
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign).build();

        assertThat(codes(judge(leaf, pki.intermediate))).contains(FindingCode.CERT_LEAF_IS_CA);
    }

    @Test
    void leafWithKeyCertSignButNoCaIsReported() {
        HeldCertificate leaf = pki.leaf("good.test").keyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign).build();

        assertThat(codes(judge(leaf, pki.intermediate))).containsExactly(FindingCode.CERT_LEAF_IS_CA);
    }

    @Test
    void validityLongerThanTheMaximumFails() {
        HeldCertificate leaf = pki.leaf("good.test").validFor(Duration.ofDays(-1), Duration.ofDays(398)).build();
        Requirements max = Requirements.NONE.withMaxValidityDays(OptionalInt.of(90));

        List<Finding> findings = judge(max, leaf, pki.intermediate);

        // The CA/B Forum's own limit (200 days for this issue date) is information under the private profile.
        assertThat(codes(findings)).containsExactly(FindingCode.CERT_VALIDITY_TOO_LONG,
                FindingCode.CERT_BASELINE_REQUIREMENTS);
        assertThat(findings.get(0).message()).contains("398 days").contains("90 days");
        assertThat(judge(Requirements.NONE.withMaxValidityDays(OptionalInt.of(398)), leaf, pki.intermediate))
                .allMatch(finding -> finding.severity() == org.certcheck.finding.Severity.INFO);
    }

    @Test
    void intermediateWithoutServerAuthInItsEkuCannotVouchForServers() {
        HeldCertificate clientCa = HeldCertificate.builder(pki.now).commonName("Client CA").certificateAuthority(0)
                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).signedBy(pki.root).build();

        List<Finding> findings = judge(pki.leaf("good.test").signedBy(clientCa).build(), clientCa);

        assertThat(codes(findings)).containsExactly(FindingCode.CHAIN_CA_PURPOSE);
        assertThat(findings.get(0).certificate()).contains("CN=Client CA");
    }

    @Test
    void commonNameWrittenDifferentlyFromItsSanIsABaselineRequirementsRule() {
        HeldCertificate leaf = pki.leaf("good.test").commonName("GOOD.test").build();

        // CA/B Forum BR 7.1.4.3: information in a private PKI, a failure for a public site.
        assertThat(judge(leaf, pki.intermediate)).extracting(Finding::code, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.HOST_CN_NOT_IN_SAN, Severity.INFO));
        assertThat(judge(Profile.WEBPKI, leaf, pki.intermediate)).extracting(Finding::code, Finding::severity)
                .contains(org.assertj.core.groups.Tuple.tuple(FindingCode.HOST_CN_NOT_IN_SAN, Severity.FAIL));
    }

    @Test
    void commonNameNamingAnotherHostIsInformationInAPrivatePki() {
        HeldCertificate leaf = pki.leaf("good.test").commonName("old-name.test").build();

        assertThat(judge(leaf, pki.intermediate)).extracting(Finding::code, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.HOST_CN_NOT_IN_SAN, Severity.INFO));
    }

    @Test
    void plainTextCommonNameIsLeftAlone() {
        assertThat(judge(pki.leaf("good.test").commonName("Web Server").build(), pki.intermediate)).isEmpty();
    }

    @Test
    void zeroSerialNumberIsReported() {
        assertThat(codes(judge(pki.leaf("good.test").serialNumber(BigInteger.ZERO).build(), pki.intermediate)))
                .containsExactly(FindingCode.CERT_SERIAL_NUMBER);
    }

    @Test
    void intermediateWithoutKeyIdentifiersIsReported() {
        HeldCertificate bare = HeldCertificate.builder(pki.now).commonName("Bare CA").certificateAuthority(0)
                .withoutKeyIdentifiers().signedBy(pki.root).build();

        List<Finding> findings = judge(pki.leaf("good.test").signedBy(bare).build(), bare);

        assertThat(codes(findings)).contains(FindingCode.CERT_KEY_IDENTIFIER);
        assertThat(findings.get(0).certificate()).contains("CN=Bare CA");
    }

    @Test
    void wildcardThatCoversAnExcludedNameViolatesTheConstraints() {
        HeldCertificate constrained = HeldCertificate.builder(pki.now).commonName("Constrained CA")
                .certificateAuthority(0).excludeDnsSubtree("bar.example.com").signedBy(pki.root).build();
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("*.example.com")
                .addSubjectAltName("*.example.com").signedBy(constrained).build();
        Validator validator = new Validator(anchors, new Policy(0, 0));

        List<Finding> findings = validator.assess(List.of(leaf.certificate(), constrained.certificate()),
                new Target("foo.example.com", 443, "t"), pki.now).findings();

        assertThat(codes(findings)).containsExactly(FindingCode.CHAIN_NAME_CONSTRAINTS);
        assertThat(findings.get(0).message()).contains("DNS:*.example.com").contains("bar.example.com");
    }

    @Test
    void unknownCriticalExtensionOnTheTrustedRootIsReported() {
        HeldCertificate root = HeldCertificate.builder(pki.now).commonName("Odd Root").certificateAuthority(1)
                .addUnknownCriticalExtension("1.3.6.1.4.1.55738.666.1").build();
        Validator validator = new Validator(new TrustAnchors(List.of(root.certificate()), "odd"), new Policy(0, 0));
        HeldCertificate leaf = pki.leaf("good.test").signedBy(root).build();

        assertThat(codes(validator.assess(List.of(leaf.certificate()), new Target("good.test", 443, "t"), pki.now)
                .findings())).containsExactly(FindingCode.CERT_UNKNOWN_CRITICAL_EXTENSION);
    }
}
