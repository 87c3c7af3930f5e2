package org.certcheck.revocation;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.certcheck.demo.RevocationServer.Reply;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Severity;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.OcspResponses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certcheck.revocation.RevocationFixture.NOW;
import static org.certcheck.revocation.RevocationFixture.check;
import static org.certcheck.revocation.RevocationFixture.codes;
import static org.certcheck.revocation.RevocationFixture.finding;

/** The leaf's status from a real OCSP responder on loopback, with every way a responder can fail. */
class OcspRevocationTest {
    private RevocationFixture pki;
    private HeldCertificate leaf;

    @BeforeEach
    void start() throws Exception {
        pki = new RevocationFixture();
        leaf = pki.leafWithOcsp("good.test").build();
    }

    @AfterEach
    void stop() {
        pki.close();
    }

    private PathRevocation soft() {
        return pki.revocation(check(RevocationMode.SOFT), leaf);
    }

    @Test
    void goodAnswerFromTheResponderIsGoodWithItsUrlAndTimes() {
        PathRevocation revocation = soft();

        CertificateRevocation status = revocation.leaf();
        assertThat(status.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(status.source()).contains(RevocationSource.OCSP);
        assertThat(status.url()).contains(pki.responder.url());
        assertThat(status.thisUpdate()).contains(NOW.minus(Duration.ofHours(1)));
        assertThat(status.nextUpdate()).contains(NOW.plus(Duration.ofDays(1)));
        assertThat(revocation.summary()).isEqualTo("good (ocsp)");
        assertThat(revocation.findings()).isEmpty();
        assertThat(pki.responder.requests()).isEqualTo(1);
    }

    @Test
    void revokedAnswerFailsWithDateReasonAndResponder() {
        pki.responder.answerWith(OcspResponses.by(pki.intermediate, NOW)
                .revoked(NOW.minus(Duration.ofDays(2)), CRLReason.keyCompromise));

        PathRevocation revocation = soft();

        assertThat(revocation.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(revocation.leaf().revokedAt()).contains(NOW.minus(Duration.ofDays(2)));
        assertThat(revocation.leaf().reason()).contains("keyCompromise");
        assertThat(finding(revocation, FindingCode.REVOCATION_REVOKED).severity()).isEqualTo(Severity.FAIL);
        assertThat(finding(revocation, FindingCode.REVOCATION_REVOKED).message())
                .contains("was revoked on", "(reason: keyCompromise)", pki.responder.url(), "replace it");
    }

    @Test
    void responderThatDoesNotKnowTheCertificateLeavesItUnknown() {
        pki.responder.answerWith(OcspResponses.by(pki.intermediate, NOW).unknown());

        PathRevocation revocation = soft();

        assertThat(revocation.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(finding(revocation, FindingCode.REVOCATION_UNKNOWN).message())
                .contains("does not know this certificate");
    }

    @Test
    void unknownWarnsWhenSoftAndFailsWhenHard() {
        pki.responder.answerWith(Reply.status(500));

        assertThat(RevocationFixture.severity(soft(), FindingCode.REVOCATION_UNKNOWN)).isEqualTo(Severity.WARN);
        assertThat(RevocationFixture.severity(pki.revocation(check(RevocationMode.HARD), leaf),
                FindingCode.REVOCATION_UNKNOWN)).isEqualTo(Severity.FAIL);
    }

    @Test
    void httpErrorIsNamedWithTheResponder() {
        pki.responder.answerWith(Reply.status(500));

        assertThat(finding(soft(), FindingCode.REVOCATION_UNKNOWN).message())
                .contains("OCSP " + pki.responder.url() + ": HTTP 500");
    }

    @Test
    void responderThatIsDownIsUnknownAndSaysSo() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        leaf = pki.leaf("good.test").ocspResponder("http://127.0.0.1:" + closed + "/ocsp").build();

        PathRevocation revocation = soft();

        assertThat(revocation.leaf().status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(finding(revocation, FindingCode.REVOCATION_UNKNOWN).message())
                .contains("127.0.0.1:" + closed, "connection refused");
    }

    @Test
    void garbageIsNotAnOcspResponse() {
        pki.responder.answerWith(new Reply(200, "application/ocsp-response",
                "<html>proxy login</html>".getBytes(StandardCharsets.US_ASCII)));

        assertThat(finding(soft(), FindingCode.REVOCATION_UNKNOWN).message()).contains("not an OCSP response");
    }

    @Test
    void errorStatusFromTheResponderIsNamed() {
        pki.responder.answerWith(Reply.ocsp(OcspResponses.error(OCSPRespBuilder.TRY_LATER)));

        assertThat(finding(soft(), FindingCode.REVOCATION_UNKNOWN).message()).contains("tryLater");
    }

    @Test
    void responseSignedBySomeoneElseIsNeverTakenAsGood() {
        HeldCertificate impostor = HeldCertificate.builder(NOW).commonName("Impostor Responder")
                .extendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning).build();
        pki.responder.answerWith(OcspResponses.by(pki.intermediate, NOW).signer(impostor));

        PathRevocation revocation = soft();

        assertThat(revocation.leaf().status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(finding(revocation, FindingCode.REVOCATION_UNKNOWN).message())
                .contains("signed by CN=Impostor Responder", "not issued by CN=Test Issuing CA");
    }

    @Test
    void delegatedResponderIssuedByTheCaWithOcspSigningIsTrusted() {
        HeldCertificate delegate = HeldCertificate.builder(NOW).commonName("Test OCSP Responder")
                .extendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning).signedBy(pki.intermediate).build();
        pki.responder.answerWith(OcspResponses.by(pki.intermediate, NOW).signer(delegate)
                .revoked(NOW.minus(Duration.ofDays(1)), CRLReason.superseded));

        PathRevocation revocation = soft();

        assertThat(revocation.leaf().status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(revocation.leaf().reason()).contains("superseded");
    }

    @Test
    void delegatedResponderWithoutOcspSigningIsRefused() {
        HeldCertificate delegate = HeldCertificate.builder(NOW).commonName("Test Web Server")
                .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).signedBy(pki.intermediate).build();
        pki.responder.answerWith(OcspResponses.by(pki.intermediate, NOW).signer(delegate));

        assertThat(finding(soft(), FindingCode.REVOCATION_UNKNOWN).message()).contains("lacks id-kp-OCSPSigning");
    }

    @Test
    void staleResponseIsUnknownNotGood() {
        pki.responder.answerWith(OcspResponses.by(pki.intermediate, NOW)
                .thisUpdate(NOW.minus(Duration.ofDays(3))).nextUpdate(NOW.minus(Duration.ofDays(1))));

        PathRevocation revocation = soft();

        assertThat(revocation.leaf().status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(finding(revocation, FindingCode.REVOCATION_UNKNOWN).message()).contains("stale", "nextUpdate");
    }

    @Test
    void responseWithoutNextUpdateIsGoodWhileRecent() {
        pki.responder.answerWith(OcspResponses.by(pki.intermediate, NOW).withoutNextUpdate());

        assertThat(soft().leaf().status()).isEqualTo(RevocationStatus.GOOD);
    }

    @Test
    void responseAboutAnotherCertificateDoesNotAnswer() {
        HeldCertificate other = pki.leaf("other.test").build();
        pki.responder.answerWith(new Reply(200, "application/ocsp-response",
                OcspResponses.by(pki.intermediate, NOW).about(other)));

        assertThat(finding(soft(), FindingCode.REVOCATION_UNKNOWN).message()).contains("no entry for serial");
    }

    @Test
    void responderDownFallsBackToTheCrlAndSaysSo() {
        leaf = pki.leafWithOcsp("good.test").crlDistributionPoint(pki.crlServer.url(RevocationFixture.ISSUING_CRL))
                .build();
        pki.responder.answerWith(Reply.status(503));

        PathRevocation revocation = soft();

        assertThat(revocation.leaf().status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(revocation.leaf().source()).contains(RevocationSource.CRL);
        assertThat(revocation.leaf().problems()).containsExactly("OCSP " + pki.responder.url() + ": HTTP 503");
        assertThat(codes(revocation)).containsExactly(FindingCode.REVOCATION_SOURCE_FAILED);
        assertThat(revocation.findings().get(0).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void certificateWithoutRevocationPointersHasNoInfoAsInformation() {
        leaf = pki.leaf("good.test").build();

        PathRevocation revocation = soft();

        assertThat(revocation.leaf().status()).isEqualTo(RevocationStatus.NO_INFO);
        assertThat(revocation.summary()).isEqualTo("no info");
        assertThat(finding(revocation, FindingCode.REVOCATION_NO_INFO).severity()).isEqualTo(Severity.INFO);
        assertThat(finding(revocation, FindingCode.REVOCATION_NO_INFO).message())
                .contains("names no OCSP responder and no CRL distribution point");
    }

    @Test
    void onlyLdapLocationsAreSaidToBeUnfetchable() {
        leaf = pki.leaf("good.test").crlDistributionPoint("ldap://dir.corp.test/cn=Test%20Issuing%20CA?certificateRevocationList")
                .build();

        PathRevocation revocation = soft();

        assertThat(revocation.leaf().status()).isEqualTo(RevocationStatus.NO_INFO);
        assertThat(finding(revocation, FindingCode.REVOCATION_NO_INFO).message())
                .contains("ldap://dir.corp.test/", "certcheck fetches http and https", "--crl");
    }
}
