package org.certcheck.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Role;
import org.certcheck.finding.Severity;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.MisencodedTimes;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.Test;

/** Validity times in DER (RFC 5280 4.1.2.5), read from certificates re-signed with the bytes given. */
class TimeEncodingCheckTest {
    private final TestPki pki = new TestPki();
    private final Instant from = pki.now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    private final Instant until = pki.now.plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.SECONDS);
    private final byte[] goodFrom = MisencodedTimes.utcTime(InteropChains.format("yyMMddHHmmss'Z'", from));
    private final byte[] goodUntil = MisencodedTimes.utcTime(InteropChains.format("yyMMddHHmmss'Z'", until));
    private final HeldCertificate leaf = pki.leaf("web.corp.test").build();

    private List<Finding> checkLeaf(byte[] notBefore, byte[] notAfter) throws Exception {
        X509Certificate resigned = MisencodedTimes.parse(MisencodedTimes.resign(leaf, pki.intermediate, notBefore, notAfter));
        return TimeEncodingCheck.check(new CertificatePath(List.of(resigned, pki.intermediate.certificate(),
                pki.root.certificate()), Optional.of(pki.root.certificate())));
    }

    @Test
    void derTimesHaveNoFindings() throws Exception {
        assertThat(checkLeaf(goodFrom, goodUntil)).isEmpty();
        assertThat(checkLeaf(goodFrom, MisencodedTimes.generalizedTime("20500101000000Z"))).isEmpty();
        assertThat(checkLeaf(goodFrom, MisencodedTimes.utcTime("491231235959Z"))).isEmpty();
    }

    @Test
    void utcTimeWithoutSecondsBreaks() throws Exception {
        String text = InteropChains.format("yyMMddHHmm'Z'", from);
        assertThat(checkLeaf(MisencodedTimes.utcTime(text), goodUntil)).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(FindingCode.CERT_MALFORMED_TIME);
            assertThat(finding.severity()).isEqualTo(Severity.FAIL);
            assertThat(finding.role()).isEqualTo(Role.LEAF);
            assertThat(finding.message()).isEqualTo("notBefore of CN=web.corp.test is encoded as UTCTime \"" + text
                    + "\" (without seconds), which is not DER: RFC 5280 4.1.2.5.1 requires YYMMDDHHMMSSZ; OpenSSL"
                    + " rejects the certificate (\"format error in certificate's notBefore field\"): the CA must"
                    + " reissue it");
        });
    }

    @Test
    void utcTimeWithAnOffsetBreaks() throws Exception {
        String text = InteropChains.format("yyMMddHHmmss", until) + "+0000";
        assertThat(checkLeaf(goodFrom, MisencodedTimes.utcTime(text))).singleElement()
                .extracting(Finding::message).asString()
                .startsWith("notAfter of CN=web.corp.test is encoded as UTCTime \"" + text
                        + "\" (a time-zone offset instead of Z)");
    }

    /** The JDK itself refuses a UTCTime without Z, so such a certificate never reaches the checks. */
    @Test
    void utcTimeWithoutZIsRefusedByTheJdkParser() {
        byte[] der = MisencodedTimes.resign(leaf, pki.intermediate,
                MisencodedTimes.utcTime(InteropChains.format("yyMMddHHmmss", from)), goodUntil);
        assertThatThrownBy(() -> MisencodedTimes.parse(der)).hasMessageContaining("Parse UTC time");
    }

    @Test
    void generalizedTimeWithFractionalSecondsBreaks() throws Exception {
        String text = InteropChains.format("yyyyMMddHHmmss'.5Z'", from);
        assertThat(checkLeaf(MisencodedTimes.generalizedTime(text), goodUntil)).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(FindingCode.CERT_MALFORMED_TIME);
            assertThat(finding.message()).startsWith("notBefore of CN=web.corp.test is encoded as GeneralizedTime \""
                    + text + "\" (fractional seconds), which is not DER");
        });
    }

    @Test
    void generalizedTimeBefore2050IsALint() throws Exception {
        String text = InteropChains.format("yyyyMMddHHmmss'Z'", until);
        assertThat(checkLeaf(goodFrom, MisencodedTimes.generalizedTime(text))).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(FindingCode.CERT_TIME_ENCODING);
            assertThat(finding.severity()).isEqualTo(Severity.WARN);
            assertThat(finding.message()).isEqualTo("notAfter of CN=web.corp.test is encoded as GeneralizedTime \""
                    + text + "\", a date before 2050 that RFC 5280 4.1.2.5 requires as UTCTime; OpenSSL and GnuTLS"
                    + " accept it: the CA's issuing software should encode such dates as UTCTime");
        });
    }

    @Test
    void intermediateIsCheckedAndTheAnchorIsNot() throws Exception {
        byte[] noSeconds = MisencodedTimes.utcTime(InteropChains.format("yyMMddHHmm'Z'", from));
        X509Certificate intermediate = MisencodedTimes.parse(
                MisencodedTimes.resign(pki.intermediate, pki.root, noSeconds, goodUntil));
        X509Certificate root = MisencodedTimes.parse(MisencodedTimes.resign(pki.root, pki.root, noSeconds, goodUntil));
        List<Finding> findings = TimeEncodingCheck.check(new CertificatePath(
                List.of(leaf.certificate(), intermediate, root), Optional.of(root)));
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.role()).isEqualTo(Role.INTERMEDIATE);
            assertThat(finding.certificate()).contains("CN=Test Issuing CA,O=Test Corp");
        });
        assertThat(TimeEncodingCheck.check(new CertificatePath(List.of(leaf.certificate(), intermediate, root),
                Optional.empty()))).hasSize(2);
    }
}
