package org.certcheck.revocation;

import java.time.Duration;

import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Severity;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.OcspResponses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certcheck.revocation.RevocationFixture.NOW;
import static org.certcheck.revocation.RevocationFixture.check;
import static org.certcheck.revocation.RevocationFixture.codes;
import static org.certcheck.revocation.RevocationFixture.finding;

/** OCSP responses the server stapled: they answer first, and Must-Staple demands one. */
class StapledRevocationTest {
    private RevocationFixture pki;

    @BeforeEach
    void start() throws Exception {
        pki = new RevocationFixture();
    }

    @AfterEach
    void stop() {
        pki.close();
    }

    @Test
    void stapledGoodAnswersWithoutAskingTheResponder() {
        HeldCertificate leaf = pki.leafWithOcsp("good.test").build();
        byte[] staple = OcspResponses.by(pki.intermediate, NOW).about(leaf);

        PathRevocation revocation = pki.revocation(check(RevocationMode.SOFT), leaf, staple);

        assertThat(revocation.leaf().status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(revocation.leaf().source()).contains(RevocationSource.STAPLED);
        assertThat(revocation.leaf().url()).isEmpty();
        assertThat(revocation.summary()).isEqualTo("good (stapled)");
        assertThat(pki.responder.requests()).isZero();
    }

    @Test
    void stapledRevokedFails() {
        HeldCertificate leaf = pki.leafWithOcsp("good.test").build();
        byte[] staple = OcspResponses.by(pki.intermediate, NOW)
                .revoked(NOW.minus(Duration.ofDays(3)), CRLReason.cessationOfOperation).about(leaf);

        PathRevocation revocation = pki.revocation(check(RevocationMode.SOFT), leaf, staple);

        assertThat(revocation.summary()).isEqualTo("revoked (stapled)");
        assertThat(finding(revocation, FindingCode.REVOCATION_REVOKED).message())
                .contains("(reason: cessationOfOperation)", "says the OCSP response the server stapled");
    }

    @Test
    void staleStapleIsSetAsideAndTheResponderAsked() {
        HeldCertificate leaf = pki.leafWithOcsp("good.test").build();
        byte[] stale = OcspResponses.by(pki.intermediate, NOW).thisUpdate(NOW.minus(Duration.ofDays(9)))
                .nextUpdate(NOW.minus(Duration.ofDays(2))).about(leaf);

        PathRevocation revocation = pki.revocation(check(RevocationMode.SOFT), leaf, stale);

        assertThat(revocation.leaf().source()).contains(RevocationSource.OCSP);
        assertThat(finding(revocation, FindingCode.REVOCATION_SOURCE_FAILED).message())
                .startsWith("stapled OCSP response: the response is stale");
    }

    @Test
    void mustStapleWithoutAStapleFailsEvenWhenTheResponderSaysGood() {
        HeldCertificate leaf = pki.leafWithOcsp("good.test").mustStaple().build();

        PathRevocation revocation = pki.revocation(check(RevocationMode.SOFT), leaf);

        assertThat(revocation.leaf().status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(codes(revocation)).containsExactly(FindingCode.REVOCATION_MUST_STAPLE);
        assertThat(finding(revocation, FindingCode.REVOCATION_MUST_STAPLE).severity()).isEqualTo(Severity.FAIL);
        assertThat(finding(revocation, FindingCode.REVOCATION_MUST_STAPLE).message())
                .contains("requires a stapled OCSP response", "the server stapled none", "enable OCSP stapling");
    }

    @Test
    void mustStapleWithAStapleForAnotherCertificateFails() {
        HeldCertificate leaf = pki.leafWithOcsp("good.test").mustStaple().build();
        byte[] other = OcspResponses.by(pki.intermediate, NOW).about(pki.leaf("other.test").build());

        PathRevocation revocation = pki.revocation(check(RevocationMode.SOFT), leaf, other);

        assertThat(finding(revocation, FindingCode.REVOCATION_MUST_STAPLE).message())
                .contains("stapled 1 response(s), none for this certificate");
    }

    @Test
    void mustStapleWithAGoodStapleIsSatisfied() {
        HeldCertificate leaf = pki.leafWithOcsp("good.test").mustStaple().build();
        byte[] staple = OcspResponses.by(pki.intermediate, NOW).about(leaf);

        PathRevocation revocation = pki.revocation(check(RevocationMode.SOFT), leaf, staple);

        assertThat(revocation.findings()).isEmpty();
    }
}
