package org.certcheck.report;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Severity;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.revocation.CertificateRevocation;
import org.certcheck.revocation.PathRevocation;
import org.certcheck.revocation.RevocationSource;
import org.certcheck.revocation.RevocationStatus;

/**
 * A corporate PKI made at a fixed instant and the verdicts of one run against it: a pass, a failure
 * with two reasons, a warning and a host that could not be reached. Keys are fresh each run, so
 * only fingerprints differ between runs; serials and dates are fixed.
 */
final class ReportFixtures {
    static final Instant CHECKED_AT = Instant.parse("2026-11-23T12:00:00Z");
    static final String TRUST = "1 CA from certs/corp-root.pem";

    final HeldCertificate root = HeldCertificate.builder(CHECKED_AT).commonName("Corp Root CA")
            .certificateAuthority(1).serialNumber(BigInteger.ONE).build();
    final HeldCertificate intermediate = HeldCertificate.builder(CHECKED_AT).commonName("Corp Intermediate CA")
            .certificateAuthority(0).serialNumber(BigInteger.TWO).signedBy(root).build();
    final CertificateFacts wwwLeaf = CertificateFacts.of(HeldCertificate.builder(CHECKED_AT)
            .commonName("www.corp.test").addSubjectAltName("www.corp.test").addIpAddress("10.0.0.1")
            .validity(Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2027-02-21T00:00:00Z"))
            .serialNumber(BigInteger.valueOf(0x1a2b3c)).signedBy(intermediate).build().certificate());
    final CertificateFacts intermediateFacts = CertificateFacts.of(intermediate.certificate());
    final CertificateFacts expiredLeaf = leaf("old.corp.test", "new.corp.test",
            Instant.parse("2026-08-22T12:00:00Z"), Instant.parse("2026-11-20T12:00:00Z"));
    final CertificateFacts soonLeaf = leaf("soon.corp.test", "soon.corp.test",
            Instant.parse("2026-09-06T12:00:00Z"), Instant.parse("2026-12-05T12:00:00Z"));

    static final Connection CONNECTION = new Connection("10.0.0.1:443", "TLSv1.3", "TLS_AES_128_GCM_SHA256");

    Verdict pass() {
        return new Verdict("www.corp.test:443", "hosts.txt:1", Status.PASS,
                List.of(Finding.of(FindingCode.TLS_HANDSHAKE_FAILED, Severity.INFO,
                        "the server asked for a client certificate after sending its own; none was sent")),
                Optional.of(CONNECTION), List.of(wwwLeaf, intermediateFacts),
                List.of("CN=www.corp.test", "CN=Corp Intermediate CA", "CN=Corp Root CA"),
                Optional.of("CN=Corp Root CA"), Duration.ofMillis(35));
    }

    Verdict fail() {
        return new Verdict("old.corp.test:443", "hosts.txt:2", Status.FAIL, List.of(
                Finding.about("CN=old.corp.test", FindingCode.CERT_EXPIRED, Severity.FAIL,
                        "expired 3 days ago (notAfter 2026-11-20 12:00 UTC): renew it"),
                Finding.about("CN=old.corp.test", FindingCode.HOST_MISMATCH, Severity.FAIL,
                        "not valid for old.corp.test: the certificate names DNS:new.corp.test")),
                Optional.of(new Connection("10.0.0.2:443", "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")),
                List.of(expiredLeaf, intermediateFacts), List.of(), Optional.empty(), Duration.ofMillis(41));
    }

    Verdict warn() {
        return new Verdict("soon.corp.test:8443", "hosts.txt:3", Status.WARN, List.of(
                Finding.about("CN=soon.corp.test", FindingCode.CERT_EXPIRES_SOON, Severity.WARN,
                        "expires in 12 days (notAfter 2026-12-05 12:00 UTC, --warn-days 30): renew it soon")),
                Optional.of(CONNECTION), List.of(soonLeaf, intermediateFacts),
                List.of("CN=soon.corp.test", "CN=Corp Intermediate CA", "CN=Corp Root CA"),
                Optional.of("CN=Corp Root CA"), Duration.ofMillis(28));
    }

    static Verdict unknown() {
        return new Verdict("down.corp.test:443", "hosts.txt:4", Status.UNKNOWN, List.of(
                Finding.of(FindingCode.PROBE_REFUSED, Severity.UNKNOWN,
                        "connection refused by 10.0.0.7:443: is the service running on this port?")),
                Optional.empty(), List.of(), List.of(), Optional.empty(), Duration.ofMillis(3));
    }

    /** The passing verdict, with the leaf good by OCSP and the intermediate good by the root's CRL. */
    Verdict passCheckedForRevocation() {
        Verdict pass = pass();
        PathRevocation revocation = new PathRevocation(List.of(
                new CertificateRevocation("CN=www.corp.test", RevocationStatus.GOOD, Optional.of(RevocationSource.OCSP),
                        Optional.of("http://ocsp.corp.test/"), Optional.of(Instant.parse("2026-11-23T11:00:00Z")),
                        Optional.of(Instant.parse("2026-11-24T11:00:00Z")), Optional.empty(), Optional.empty(),
                        List.of()),
                new CertificateRevocation("CN=Corp Intermediate CA", RevocationStatus.GOOD,
                        Optional.of(RevocationSource.CRL), Optional.of("http://pki.corp.test/root.crl"),
                        Optional.of(Instant.parse("2026-11-20T00:00:00Z")),
                        Optional.of(Instant.parse("2026-11-27T00:00:00Z")), Optional.empty(), Optional.empty(),
                        List.of("OCSP http://ocsp.corp.test/: HTTP 500"))), List.of());
        return new Verdict(pass.target(), pass.origin(), pass.status(), pass.findings(), pass.connection(),
                pass.chain(), pass.path(), pass.anchor(), pass.elapsed(), Optional.of(revocation));
    }

    /** A leaf revoked according to its CA's CRL. */
    Verdict revoked() {
        Finding finding = Finding.about("CN=gone.corp.test", FindingCode.REVOCATION_REVOKED, Severity.FAIL,
                "the certificate was revoked on 2026-11-20 09:30 UTC (reason: keyCompromise), says the CRL"
                        + " http://pki.corp.test/issuing.crl: replace it with a newly issued certificate");
        PathRevocation revocation = new PathRevocation(List.of(
                new CertificateRevocation("CN=gone.corp.test", RevocationStatus.REVOKED,
                        Optional.of(RevocationSource.CRL), Optional.of("http://pki.corp.test/issuing.crl"),
                        Optional.of(Instant.parse("2026-11-23T00:00:00Z")),
                        Optional.of(Instant.parse("2026-11-30T00:00:00Z")),
                        Optional.of(Instant.parse("2026-11-20T09:30:00Z")), Optional.of("keyCompromise"), List.of())),
                List.of(finding));
        return new Verdict("gone.corp.test:443", "hosts.txt:5", Status.FAIL, List.of(finding), Optional.of(CONNECTION),
                List.of(soonLeaf, intermediateFacts), List.of("CN=soon.corp.test", "CN=Corp Intermediate CA",
                "CN=Corp Root CA"), Optional.of("CN=Corp Root CA"), Duration.ofMillis(30), Optional.of(revocation));
    }

    Report report() {
        return new Report(CHECKED_AT, TRUST, List.of(pass(), fail(), warn(), unknown()));
    }

    static Report reportOf(Verdict... verdicts) {
        return new Report(CHECKED_AT, TRUST, List.of(verdicts));
    }

    private CertificateFacts leaf(String commonName, String dnsName, Instant notBefore, Instant notAfter) {
        return CertificateFacts.of(HeldCertificate.builder(CHECKED_AT).commonName(commonName)
                .addSubjectAltName(dnsName).validity(notBefore, notAfter).signedBy(intermediate).build()
                .certificate());
    }
}
