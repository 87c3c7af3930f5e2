package org.certcheck.revocation;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Severity;
import org.certcheck.pki.CrlBuilder;
import org.certcheck.pki.HeldCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certcheck.revocation.RevocationFixture.ISSUING_CRL;
import static org.certcheck.revocation.RevocationFixture.NOW;
import static org.certcheck.revocation.RevocationFixture.ROOT_CRL;
import static org.certcheck.revocation.RevocationFixture.check;
import static org.certcheck.revocation.RevocationFixture.finding;

/** Status from CRLs: downloaded from a real server on loopback, or read from a file with --crl. */
class CrlRevocationTest {
    private RevocationFixture pki;
    private HeldCertificate leaf;

    @TempDir
    Path temp;

    @BeforeEach
    void start() throws Exception {
        pki = new RevocationFixture();
        leaf = pki.leafWithCrl("good.test").build();
    }

    @AfterEach
    void stop() {
        pki.close();
    }

    private PathRevocation soft() {
        return pki.revocation(check(RevocationMode.SOFT), leaf);
    }

    private void publish(CrlBuilder crl) {
        pki.crlServer.publishCrl(ISSUING_CRL, crl.build());
    }

    @Test
    void certificateNotListedIsGoodForLeafAndIntermediate() {
        PathRevocation revocation = soft();

        assertThat(revocation.certificates()).extracting(CertificateRevocation::status)
                .containsExactly(RevocationStatus.GOOD, RevocationStatus.GOOD);
        assertThat(revocation.certificates()).extracting(c -> c.url().orElseThrow())
                .containsExactly(pki.crlServer.url(ISSUING_CRL), pki.crlServer.url(ROOT_CRL));
        assertThat(revocation.leaf().nextUpdate()).contains(NOW.plus(Duration.ofDays(7)));
        assertThat(revocation.summary()).isEqualTo("good (crl)");
        assertThat(revocation.findings()).isEmpty();
    }

    @Test
    void listedCertificateIsRevokedWithDateAndReason() {
        publish(CrlBuilder.issuedBy(pki.intermediate, NOW).revoke(leaf));

        PathRevocation revocation = soft();

        assertThat(revocation.summary()).isEqualTo("revoked (crl)");
        assertThat(revocation.leaf().revokedAt()).contains(NOW.minus(Duration.ofDays(1)));
        assertThat(finding(revocation, FindingCode.REVOCATION_REVOKED).message())
                .contains("(reason: keyCompromise)", "the CRL " + pki.crlServer.url(ISSUING_CRL));
    }

    @Test
    void certificateOnHoldIsRevokedAndSaysOnHold() {
        publish(CrlBuilder.issuedBy(pki.intermediate, NOW)
                .revoke(leaf.certificate().getSerialNumber(), NOW.minus(Duration.ofHours(5)), CRLReason.certificateHold));

        assertThat(finding(soft(), FindingCode.REVOCATION_REVOKED).message()).contains("is on hold (certificateHold)");
    }

    @Test
    void staleCrlIsUnknownNotGood() {
        publish(CrlBuilder.issuedBy(pki.intermediate, NOW).thisUpdate(NOW.minus(Duration.ofDays(10)))
                .nextUpdate(NOW.minus(Duration.ofDays(3))));

        PathRevocation revocation = soft();

        assertThat(revocation.leaf().status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(finding(revocation, FindingCode.REVOCATION_UNKNOWN).message()).contains("the CRL is stale");
    }

    @Test
    void crlWithABadSignatureIsNeverTakenAsGood() {
        HeldCertificate forger = HeldCertificate.builder(NOW).commonName("Forger").build();
        publish(CrlBuilder.issuedBy(pki.intermediate, NOW).signingKeys(forger.keyPair()));

        PathRevocation revocation = soft();

        assertThat(revocation.leaf().status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(finding(revocation, FindingCode.REVOCATION_UNKNOWN).message())
                .contains("signature does not verify with the key of CN=Test Issuing CA");
    }

    @Test
    void crlWithoutACrlNumberIsNotUsedAndSaysWhy() {
        publish(CrlBuilder.issuedBy(pki.intermediate, NOW).revoke(leaf).withoutCrlNumber());

        PathRevocation revocation = soft();

        assertThat(revocation.leaf().status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(finding(revocation, FindingCode.REVOCATION_UNKNOWN).message())
                .contains("the CRL has no CRLNumber extension, which RFC 5280 section 5.2.3 requires");
    }

    @Test
    void crlWithACriticalCrlNumberIsNotUsed() {
        publish(CrlBuilder.issuedBy(pki.intermediate, NOW).criticalCrlNumber());

        PathRevocation revocation = soft();

        assertThat(revocation.leaf().status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(finding(revocation, FindingCode.REVOCATION_UNKNOWN).message())
                .contains("marks its CRLNumber extension critical");
    }

    @Test
    void crlOfAnIssuerWhoseKeyUsageLacksCrlSignIsNotUsed() {
        HeldCertificate noCrlSign = HeldCertificate.builder(NOW).commonName("Certificates Only CA")
                .certificateAuthority(0).keyUsage(KeyUsage.keyCertSign).signedBy(pki.root).build();
        HeldCertificate issued = HeldCertificate.builder(NOW).commonName("good.test").addSubjectAltName("good.test")
                .crlDistributionPoint(pki.crlServer.url("/certificates-only.crl")).signedBy(noCrlSign).build();
        pki.crlServer.publishCrl("/certificates-only.crl", CrlBuilder.issuedBy(noCrlSign, NOW).build());

        PathRevocation revocation = pki.revocation(check(RevocationMode.HARD), issued, noCrlSign);

        assertThat(revocation.leaf().status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(finding(revocation, FindingCode.REVOCATION_UNKNOWN))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.FAIL))
                .satisfies(f -> assertThat(f.message()).contains("CN=Certificates Only CA may not sign CRLs: its"
                        + " keyUsage lacks cRLSign"));
    }

    @Test
    void crlOfAnotherIssuerIsOutOfScope() {
        publish(CrlBuilder.issuedBy(pki.root, NOW));

        assertThat(finding(soft(), FindingCode.REVOCATION_UNKNOWN).message())
                .contains("the CRL is issued by CN=Test Root CA", "not by the certificate's issuer");
    }

    @Test
    void garbageAtTheCrlUrlIsNotACrl() {
        pki.crlServer.answer(ISSUING_CRL, request -> new org.certcheck.demo.RevocationServer.Reply(200, "text/html",
                "<html>not found</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

        assertThat(finding(soft(), FindingCode.REVOCATION_UNKNOWN).message()).contains("not a CRL", "text/html");
    }

    @Test
    void revokedIntermediateIsCaughtThroughTheRootsCrl() {
        pki.crlServer.publishCrl(ROOT_CRL, CrlBuilder.issuedBy(pki.root, NOW).revoke(pki.intermediate).build());

        PathRevocation revocation = soft();

        assertThat(revocation.certificates()).extracting(CertificateRevocation::status)
                .containsExactly(RevocationStatus.GOOD, RevocationStatus.REVOKED);
        assertThat(revocation.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(finding(revocation, FindingCode.REVOCATION_REVOKED).certificate())
                .contains("CN=Test Issuing CA,O=Test Corp");
        assertThat(finding(revocation, FindingCode.REVOCATION_REVOKED).message())
                .startsWith("CA certificate CN=Test Issuing CA,O=Test Corp was revoked")
                .contains("every certificate it issued is untrusted");
    }

    @Test
    void crlFileAnswersWithoutTheNetwork() throws Exception {
        leaf = pki.leaf("good.test").crlDistributionPoint("ldap://dir.corp.test/issuing").build();
        Path file = Files.write(temp.resolve("issuing.crl"),
                CrlBuilder.issuedBy(pki.intermediate, NOW).revoke(leaf).build());
        RevocationList local = RevocationList.parse(Files.readAllBytes(file), file.toUri().toString());
        RevocationCheck offline = new RevocationCheck(RevocationMode.HARD, new HttpFetcher(Duration.ofSeconds(1)),
                List.of(local));

        PathRevocation revocation = pki.revocation(offline, leaf);

        assertThat(revocation.leaf().status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(revocation.leaf().url()).contains(file.toUri().toString());
        assertThat(finding(revocation, FindingCode.REVOCATION_REVOKED).message()).contains("the CRL file file:");
        assertThat(pki.crlServer.requests(ISSUING_CRL)).isZero();
    }

    @Test
    void hundredThousandEntriesAreParsedOnceAndLookedUpByIndex() throws Exception {
        CrlBuilder big = CrlBuilder.issuedBy(pki.intermediate, NOW);
        for (int i = 1; i <= 100_000; i++) {
            big.revoke(BigInteger.valueOf(i), NOW.minus(Duration.ofDays(1)), CRLReason.superseded);
        }
        RevocationList crl = RevocationList.parse(big.build(), "big.crl");
        assertThat(crl.size()).isEqualTo(100_000);

        long start = System.nanoTime();
        int listed = 0;
        for (int i = 0; i < 200_000; i++) {
            if (crl.entry(BigInteger.valueOf(i)).isPresent()) {
                listed++;
            }
        }
        Duration lookups = Duration.ofNanos(System.nanoTime() - start);

        assertThat(listed).isEqualTo(100_000);
        // A scan per lookup would take 2 * 10^10 comparisons; the index answers in well under a second.
        assertThat(lookups).isLessThan(Duration.ofSeconds(2));
        assertThat(crl.signedBy(pki.intermediate.certificate())).isTrue();
    }
}
