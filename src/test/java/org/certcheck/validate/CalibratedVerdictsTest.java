package org.certcheck.validate;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import org.certcheck.finding.Calibration;
import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Profile;
import org.certcheck.finding.Role;
import org.certcheck.finding.Severity;
import org.certcheck.input.Target;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.TestPki;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: one severity model. What breaks clients fails under every profile; an RFC 5280 rule
 * that clients do not enforce warns (information on the operator's own anchor) under the default
 * profile and fails under {@code strict}; and the wrong accepts that OpenSSL and GnuTLS reject fail.
 */
class CalibratedVerdictsTest {
    private final TestPki pki = new TestPki();

    private List<Finding> judge(Profile profile, HeldCertificate root, HeldCertificate... sent) {
        Validator validator = new Validator(new TrustAnchors(List.of(root.certificate()), "test root"),
                new Policy(0, 0), Requirements.NONE, Calibration.of(profile));
        return validator.assess(List.of(sent).stream().map(HeldCertificate::certificate).toList(),
                new Target("web.corp.test", 443, "test"), pki.now).findings();
    }

    private List<Finding> judge(HeldCertificate root, HeldCertificate... sent) {
        return judge(Profile.PRIVATE, root, sent);
    }

    private static Severity worst(List<Finding> findings) {
        return findings.stream().map(Finding::severity).max(Enum::compareTo).orElse(Severity.INFO);
    }

    private static HeldCertificate.Builder root(String name) {
        return HeldCertificate.builder(java.time.Instant.now()).commonName(name)
                .validFor(Duration.ofDays(-10), Duration.ofDays(3650)).certificateAuthority(1);
    }

    private HeldCertificate leafOf(HeldCertificate issuer) {
        return HeldCertificate.builder(pki.now).commonName("web.corp.test").addSubjectAltName("web.corp.test")
                .signedBy(issuer).build();
    }

    @Test
    void rootWithNonCriticalBasicConstraintsPassesByDefaultAndFailsUnderStrict() {
        // openssl req -x509 -addext basicConstraints=CA:true: the extension is not critical.
        HeldCertificate root = root("How-To Root").extension(Extension.basicConstraints, false,
                new BasicConstraints(true)).build();
        HeldCertificate leaf = leafOf(root);

        List<Finding> lenient = judge(root, leaf);
        assertThat(worst(lenient)).isEqualTo(Severity.INFO);
        assertThat(lenient).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(FindingCode.CERT_MALFORMED_EXTENSION);
            assertThat(finding.role()).isEqualTo(Role.ANCHOR);
            assertThat(finding.message()).contains("not critical").contains("the CA should fix it");
        });
        assertThat(worst(judge(Profile.STRICT, root, leaf))).isEqualTo(Severity.FAIL);
    }

    @Test
    void intermediateWithNonCriticalBasicConstraintsWarnsAndNamesTheCaTemplate() {
        HeldCertificate issuing = HeldCertificate.builder(pki.now).commonName("Lax Issuing CA")
                .certificateAuthority(0).extension(Extension.basicConstraints, false, new BasicConstraints(0))
                .signedBy(pki.root).build();
        HeldCertificate leaf = leafOf(issuing);

        List<Finding> findings = judge(pki.root, leaf, issuing);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.WARN);
            assertThat(finding.role()).isEqualTo(Role.INTERMEDIATE);
            assertThat(finding.message()).contains("issuing CA's certificate template");
        });
        assertThat(worst(judge(Profile.WEBPKI, pki.root, leaf, issuing))).isEqualTo(Severity.FAIL);
    }

    @Test
    void authorityKeyIdentifierNamingAnotherKeyFails() {
        HeldCertificate leaf = pki.leaf("web.corp.test").extension(Extension.authorityKeyIdentifier, false,
                new AuthorityKeyIdentifier(new byte[] {1, 2, 3, 4})).build();

        List<Finding> findings = judge(pki.root, leaf, pki.intermediate);

        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.CHAIN_KEY_IDENTIFIER_MISMATCH);
        assertThat(findings.get(0).severity()).isEqualTo(Severity.FAIL);
        assertThat(findings.get(0).message()).contains("01:02:03:04").contains("OpenSSL");
    }

    @Test
    void authorityKeyIdentifierNamingAnotherIssuerSerialFails() {
        GeneralNames issuerName = new GeneralNames(new GeneralName(X500Name.getInstance(
                pki.root.certificate().getSubjectX500Principal().getEncoded())));
        HeldCertificate leaf = pki.leaf("web.corp.test").extension(Extension.authorityKeyIdentifier, false,
                new AuthorityKeyIdentifier(issuerName, BigInteger.valueOf(424242))).build();

        // Without a keyIdentifier it is also RFC 5280 lint (cert.key-identifier); the wrong serial breaks clients.
        assertThat(judge(pki.root, leaf, pki.intermediate)).filteredOn(f -> f.severity() == Severity.FAIL)
                .extracting(Finding::code).containsExactly(FindingCode.CHAIN_KEY_IDENTIFIER_MISMATCH);
    }

    @Test
    void anyExtendedKeyUsageAloneIsNotServerAuthForLeafOrIntermediate() {
        HeldCertificate leaf = pki.leaf("web.corp.test").extendedKeyUsage(KeyPurposeId.anyExtendedKeyUsage).build();
        assertThat(judge(pki.root, leaf, pki.intermediate)).filteredOn(f -> f.severity() != Severity.INFO)
                .extracting(Finding::code).containsExactly(FindingCode.CERT_PURPOSE);

        HeldCertificate issuing = HeldCertificate.builder(pki.now).commonName("Any Issuing CA").certificateAuthority(0)
                .extendedKeyUsage(KeyPurposeId.anyExtendedKeyUsage).signedBy(pki.root).build();
        List<Finding> findings = judge(pki.root, leafOf(issuing), issuing);
        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.CHAIN_CA_PURPOSE);
        assertThat(findings.get(0).severity()).isEqualTo(Severity.FAIL);
    }

    @Test
    void versionOneRootAnchorsThePath() {
        HeldCertificate root = root("Old v1 Root").version1().build();

        assertThat(judge(root, leafOf(root))).isEmpty();
    }

    @Test
    void rootWithoutBasicConstraintsOrKeyIdentifiersIsOnlyInformation() {
        HeldCertificate root = root("Bare Root").withoutBasicConstraints().withoutKeyIdentifiers().build();
        HeldCertificate leaf = leafOf(root);

        List<Finding> findings = judge(root, leaf);

        assertThat(worst(findings)).isEqualTo(Severity.INFO);
        assertThat(findings).allSatisfy(finding -> assertThat(finding.role()).isEqualTo(Role.ANCHOR));
        assertThat(worst(judge(Profile.STRICT, root, leaf))).isEqualTo(Severity.FAIL);
    }

    @Test
    void serialNumberZeroIsLintNotFailure() {
        HeldCertificate leaf = pki.leaf("web.corp.test").serialNumber(BigInteger.ZERO).build();

        List<Finding> findings = judge(pki.root, leaf, pki.intermediate);

        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.CERT_SERIAL_NUMBER);
        assertThat(findings.get(0).severity()).isEqualTo(Severity.WARN);
    }

    @Test
    void pathLengthWithoutCaAndAnEmptySanEntryAreLint() {
        HeldCertificate leaf = pki.leaf("web.corp.test")
                .extension(Extension.basicConstraints, true, new DERSequence(new ASN1Integer(0)))
                .extension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "web.corp.test"),
                        new GeneralName(GeneralName.dNSName, "")}))
                .build();

        List<Finding> findings = judge(pki.root, leaf, pki.intermediate);

        assertThat(findings).extracting(Finding::code)
                .containsOnly(FindingCode.CERT_MALFORMED_EXTENSION);
        assertThat(findings).extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("pathLenConstraint"))
                .anySatisfy(m -> assertThat(m).contains("empty DNS name"));
        assertThat(worst(findings)).isEqualTo(Severity.WARN);
    }

    @Test
    void secp256k1KeyIsUnsupportedLikeP192IsWeak() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec("secp256k1"));
        KeyPair k1 = generator.generateKeyPair();
        HeldCertificate leaf = pki.leaf("web.corp.test").keyPair(k1).build();

        List<Finding> findings = judge(pki.root, leaf, pki.intermediate);

        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.CERT_UNSUPPORTED_ALGORITHM);
        assertThat(findings.get(0).message()).contains("secp256k1").contains("P-256");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.FAIL);
    }

    @Test
    void ecLeafWithKeyAgreementOnlyCannotSignTheHandshake() {
        HeldCertificate leaf = pki.leaf("web.corp.test").keyUsage(KeyUsage.keyAgreement).build();

        List<Finding> findings = judge(pki.root, leaf, pki.intermediate);

        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.CERT_KEY_USAGE);
        assertThat(findings.get(0).message()).contains("digitalSignature").contains("keyAgreement alone");
    }

    @Test
    void sanWithTrailingDotMatchesNoName() {
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("web")
                .addSubjectAltName("web.corp.test.").signedBy(pki.intermediate).build();

        assertThat(judge(pki.root, leaf, pki.intermediate)).extracting(Finding::code)
                .contains(FindingCode.HOST_MISMATCH);
    }

    @Test
    void excludedEmptyDnsNameExcludesEveryName() {
        HeldCertificate issuing = HeldCertificate.builder(pki.now).commonName("No DNS CA").certificateAuthority(0)
                .rawNameConstraintsExtension(encoded(new NameConstraints(null, new GeneralSubtree[] {
                        new GeneralSubtree(new GeneralName(GeneralName.dNSName, ""))})))
                .signedBy(pki.root).build();

        List<Finding> findings = judge(pki.root, leafOf(issuing), issuing);

        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.CHAIN_NAME_CONSTRAINTS);
        assertThat(findings.get(0).message()).contains("DNS:web.corp.test").contains("every DNS name");
    }

    @Test
    void permittedEmptyDnsNamePermitsEveryName() {
        HeldCertificate issuing = HeldCertificate.builder(pki.now).commonName("Any DNS CA").certificateAuthority(0)
                .rawNameConstraintsExtension(encoded(new NameConstraints(new GeneralSubtree[] {
                        new GeneralSubtree(new GeneralName(GeneralName.dNSName, ""))}, null)))
                .signedBy(pki.root).build();

        assertThat(judge(pki.root, leafOf(issuing), issuing)).isEmpty();
    }

    @Test
    void nameConstraintWithMinimumOneFails() {
        HeldCertificate issuing = HeldCertificate.builder(pki.now).commonName("Minimum CA").certificateAuthority(0)
                .rawNameConstraintsExtension(encoded(new NameConstraints(new GeneralSubtree[] {
                        new GeneralSubtree(new GeneralName(GeneralName.dNSName, "corp.test"), BigInteger.ONE, null)},
                        null)))
                .signedBy(pki.root).build();

        List<Finding> findings = judge(pki.root, leafOf(issuing), issuing);

        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.CHAIN_NAME_CONSTRAINTS);
        assertThat(findings.get(0).message()).contains("minimum 1").contains("OpenSSL");
    }

    @Test
    void nonCriticalNameConstraintsAreLintThatTheBaselineRequirementsWaive() {
        NameConstraints corpOnly = new NameConstraints(new GeneralSubtree[] {
                new GeneralSubtree(new GeneralName(GeneralName.dNSName, "corp.test"))}, null);
        HeldCertificate issuing = HeldCertificate.builder(pki.now).commonName("Constrained Issuing CA")
                .certificateAuthority(0).extension(Extension.nameConstraints, false, corpOnly)
                .signedBy(pki.root).build();
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("web.corp.test")
                .addSubjectAltName("web.corp.test").signedBy(issuing).build();

        assertThat(severityOf(FindingCode.CERT_NAME_CONSTRAINTS_NOT_CRITICAL, judge(pki.root, leaf, issuing)))
                .isEqualTo(Severity.WARN);
        assertThat(severityOf(FindingCode.CERT_NAME_CONSTRAINTS_NOT_CRITICAL,
                judge(Profile.WEBPKI, pki.root, leaf, issuing))).isEqualTo(Severity.INFO); // BR 7.1.2.10.8
        assertThat(severityOf(FindingCode.CERT_NAME_CONSTRAINTS_NOT_CRITICAL,
                judge(Profile.STRICT, pki.root, leaf, issuing))).isEqualTo(Severity.FAIL);
        // Still enforced: a name outside corp.test fails whatever the criticality.
        HeldCertificate outside = HeldCertificate.builder(pki.now).commonName("web.other.test")
                .addSubjectAltName("web.other.test").signedBy(issuing).build();
        assertThat(judge(pki.root, outside, issuing)).extracting(Finding::code)
                .contains(FindingCode.CHAIN_NAME_CONSTRAINTS);
    }

    private static Severity severityOf(FindingCode code, List<Finding> findings) {
        return findings.stream().filter(finding -> finding.code() == code).map(Finding::severity).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code.code() + " in " + findings));
    }

    @Test
    void theSeverityTableOfTheProfiles() {
        Calibration privatePki = Calibration.DEFAULT;
        Calibration webpki = Calibration.of(Profile.WEBPKI);
        Calibration strict = Calibration.of(Profile.STRICT);
        FindingCode lint = FindingCode.CERT_MALFORMED_EXTENSION;
        FindingCode br = FindingCode.HOST_CN_NOT_IN_SAN;

        assertThat(privatePki.severity(lint, Role.LEAF)).isEqualTo(Severity.WARN);
        assertThat(privatePki.severity(lint, Role.ANCHOR)).isEqualTo(Severity.INFO);
        assertThat(privatePki.severity(br, Role.LEAF)).isEqualTo(Severity.INFO);
        assertThat(webpki.severity(lint, Role.INTERMEDIATE)).isEqualTo(Severity.FAIL);
        assertThat(webpki.severity(lint, Role.ANCHOR)).isEqualTo(Severity.WARN);
        assertThat(webpki.severity(br, Role.LEAF)).isEqualTo(Severity.FAIL);
        assertThat(strict.severity(lint, Role.ANCHOR)).isEqualTo(Severity.FAIL);
        for (Calibration each : List.of(privatePki, webpki, strict)) {
            assertThat(each.severity(FindingCode.CERT_EXPIRED, Role.ANCHOR)).isEqualTo(Severity.FAIL);
            assertThat(each.severity(FindingCode.CHAIN_DUPLICATE, Role.INTERMEDIATE)).isEqualTo(Severity.WARN);
            assertThat(each.severity(FindingCode.PROBE_REFUSED, Role.TARGET)).isEqualTo(Severity.UNKNOWN);
        }
        assertThat(privatePki.raising(java.util.Set.of(FindingCode.REVOCATION_UNKNOWN))
                .severity(FindingCode.REVOCATION_UNKNOWN, Role.LEAF)).isEqualTo(Severity.FAIL);
    }

    private static byte[] encoded(NameConstraints constraints) {
        try {
            return constraints.getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
