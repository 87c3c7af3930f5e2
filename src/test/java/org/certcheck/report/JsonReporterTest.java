package org.certcheck.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Severity;
import org.certcheck.pki.HeldCertificate;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReporterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ReportFixtures fixtures = new ReportFixtures();

    @Test
    void documentStartsWithSchemaVersionTimeTrustAndSummary() throws Exception {
        JsonNode json = parse(render(fixtures.report()));

        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("checkedAt").asText()).isEqualTo("2026-11-23T12:00:00Z");
        assertThat(json.get("trust").asText()).isEqualTo("1 CA from certs/corp-root.pem");
        assertThat(json.get("summary")).isEqualTo(parse("""
                {"total": 4, "pass": 1, "warn": 1, "fail": 1, "unknown": 1}"""));
        assertThat(json.get("targets")).hasSize(4);
        assertThat(json.get("targets").findValuesAsText("target"))
                .containsExactly("www.corp.test:443", "old.corp.test:443", "soon.corp.test:8443", "down.corp.test:443");
    }

    @Test
    void passingTargetHasEveryFact() throws Exception {
        JsonNode target = parse(render(fixtures.report())).get("targets").get(0);

        assertThat(target.get("certificate").get("spkiSha256").asText()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(target.get("chain").get(1).get("keyUsage").toString()).isEqualTo("[\"keyCertSign\",\"cRLSign\"]");
        assertThat(target.get("certificate").get("extendedKeyUsage").toString()).isEqualTo("[\"serverAuth\"]");
        assertThat(withoutKeyFacts(target)).isEqualTo(parse("""
                {
                  "target": "www.corp.test:443",
                  "origin": "hosts.txt:1",
                  "status": "PASS",
                  "daysLeft": 89,
                  "notAfter": "2027-02-21T00:00:00Z",
                  "elapsedMs": 35,
                  "findings": [
                    {"code": "tls.handshake-failed", "severity": "INFO",
                     "message": "the server asked for a client certificate after sending its own; none was sent"}
                  ],
                  "connection": {"address": "10.0.0.1:443", "protocol": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256"},
                  "certificate": %1$s,
                  "chain": [%1$s, %2$s],
                  "path": ["CN=www.corp.test", "CN=Corp Intermediate CA", "CN=Corp Root CA"],
                  "anchor": "CN=Corp Root CA"
                }""".formatted(leafJson(), intermediateJson())));
    }

    @Test
    void unreachableTargetOmitsWhatWasNeverSeenButKeepsDaysLeftAndNotAfterAsNull() throws Exception {
        JsonNode target = parse(render(fixtures.report())).get("targets").get(3);

        assertThat(target).isEqualTo(parse("""
                {
                  "target": "down.corp.test:443",
                  "origin": "hosts.txt:4",
                  "status": "UNKNOWN",
                  "daysLeft": null,
                  "notAfter": null,
                  "elapsedMs": 3,
                  "findings": [
                    {"code": "probe.refused", "severity": "UNKNOWN",
                     "message": "connection refused by 10.0.0.7:443: is the service running on this port?"}
                  ],
                  "chain": [],
                  "path": []
                }"""));
        assertThat(target.has("daysLeft")).isTrue();
        assertThat(target.get("daysLeft").isNull()).isTrue();
    }

    @Test
    void failingTargetNamesTheCertificateOfEachFindingAndHasNoAnchor() throws Exception {
        JsonNode target = parse(render(fixtures.report())).get("targets").get(1);

        assertThat(target.get("status").asText()).isEqualTo("FAIL");
        assertThat(target.get("daysLeft").asLong()).isEqualTo(-3);
        assertThat(target.get("notAfter").asText()).isEqualTo("2026-11-20T12:00:00Z");
        assertThat(target.get("findings")).isEqualTo(parse("""
                [
                  {"code": "cert.expired", "severity": "FAIL", "certificate": "CN=old.corp.test",
                   "message": "expired 3 days ago (notAfter 2026-11-20 12:00 UTC): renew it"},
                  {"code": "host.mismatch", "severity": "FAIL", "certificate": "CN=old.corp.test",
                   "message": "not valid for old.corp.test: the certificate names DNS:new.corp.test"}
                ]"""));
        assertThat(target.get("connection").get("protocol").asText()).isEqualTo("TLSv1.2");
        assertThat(target.get("path")).isEmpty();
        assertThat(target.has("anchor")).isFalse();
    }

    @Test
    void hostileStringsRoundTripAndNoRawControlCharacterIsWritten() throws Exception {
        String hostile = "evil\u001b[31m \"PASS\" \\ \r\n\u0000\u007f\u009b2J\u202egnp.exe \ud800 \ud83d\udd12 </script>";
        // A certificate cannot carry an unpaired surrogate (it is not encodable in UTF-8), the other strings can.
        HeldCertificate evil = HeldCertificate.builder(ReportFixtures.CHECKED_AT).commonName(hostile.replace("\ud800", ""))
                .serialNumber(BigInteger.TEN).build();
        CertificateFacts facts = CertificateFacts.of(evil.certificate());
        Verdict verdict = new Verdict(hostile, "hosts.txt:" + hostile, Status.FAIL,
                List.of(Finding.about(facts.subject(), FindingCode.CHAIN_SELF_SIGNED, Severity.FAIL, hostile)),
                Optional.of(new Connection(hostile, "TLSv1.3", hostile)), List.of(facts), List.of(facts.subject()),
                Optional.of(hostile), Duration.ofMillis(1));

        String text = render(ReportFixtures.reportOf(verdict));
        JsonNode target = parse(text).get("targets").get(0);

        assertThat(facts.subject()).contains("\u001b[31m");
        assertThat(target.get("target").asText()).isEqualTo(hostile);
        assertThat(target.get("origin").asText()).isEqualTo("hosts.txt:" + hostile);
        assertThat(target.get("findings").get(0).get("message").asText()).isEqualTo(hostile);
        assertThat(target.get("findings").get(0).get("certificate").asText()).isEqualTo(facts.subject());
        assertThat(target.get("connection").get("address").asText()).isEqualTo(hostile);
        assertThat(target.get("certificate").get("subject").asText()).isEqualTo(facts.subject());
        assertThat(target.get("path").get(0).asText()).isEqualTo(facts.subject());
        assertThat(target.get("anchor").asText()).isEqualTo(hostile);
        assertThat(text.chars().filter(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == 0x202e || Character.isSurrogate((char) c)))).isEmpty();
    }

    @Test
    void revocationCarriesStatusSourceUrlTimesAndProblemsPerCertificate() throws Exception {
        JsonNode targets = parse(render(ReportFixtures.reportOf(fixtures.passCheckedForRevocation(), fixtures.revoked(),
                ReportFixtures.unknown()))).get("targets");

        JsonNode good = targets.get(0).get("revocation");
        assertThat(good.get("status").asText()).isEqualTo("good");
        JsonNode leaf = good.get("certificates").get(0);
        assertThat(leaf.get("certificate").asText()).isEqualTo("CN=www.corp.test");
        assertThat(leaf.get("status").asText()).isEqualTo("good");
        assertThat(leaf.get("source").asText()).isEqualTo("ocsp");
        assertThat(leaf.get("url").asText()).isEqualTo("http://ocsp.corp.test/");
        assertThat(leaf.get("thisUpdate").asText()).isEqualTo("2026-11-23T11:00:00Z");
        assertThat(leaf.get("nextUpdate").asText()).isEqualTo("2026-11-24T11:00:00Z");
        assertThat(leaf.has("revokedAt")).isFalse();
        assertThat(leaf.get("problems")).isEmpty();
        assertThat(good.get("certificates").get(1).get("problems").get(0).asText())
                .isEqualTo("OCSP http://ocsp.corp.test/: HTTP 500");

        JsonNode revoked = targets.get(1).get("revocation").get("certificates").get(0);
        assertThat(targets.get(1).get("revocation").get("status").asText()).isEqualTo("revoked");
        assertThat(revoked.get("revokedAt").asText()).isEqualTo("2026-11-20T09:30:00Z");
        assertThat(revoked.get("reason").asText()).isEqualTo("keyCompromise");
        assertThat(revoked.get("source").asText()).isEqualTo("crl");

        assertThat(targets.get(2).has("revocation")).as("not checked: left out").isFalse();
    }

    @Test
    void writeEndsWithANewlineAndLeavesTheWriterOpen() throws Exception {
        StringWriter text = new StringWriter();
        boolean[] closed = {false};
        new JsonReporter().write(ReportFixtures.reportOf(), new FilterWriter(text) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        });

        assertThat(closed[0]).isFalse();
        assertThat(text.toString()).startsWith("{\n  \"schemaVersion\": 1,\n").endsWith("}\n");
        assertThat(parse(text.toString()).get("targets")).isEmpty();
    }

    @Test
    void subSecondCheckTimeIsKeptInIso8601() throws Exception {
        Report report = new Report(Instant.parse("2026-11-23T12:00:00.250Z"), "system trust store", List.of());

        assertThat(parse(render(report)).get("checkedAt").asText()).isEqualTo("2026-11-23T12:00:00.250Z");
    }

    private String leafJson() {
        CertificateFacts leaf = fixtures.wwwLeaf;
        return """
                {"subject": "CN=www.corp.test", "issuer": "CN=Corp Intermediate CA",
                 "subjectAltNames": ["DNS:www.corp.test", "IP:10.0.0.1"], "serialNumber": "1A2B3C",
                 "sha256": "%s", "keyType": "EC", "keySize": 256, "signatureAlgorithm": "SHA256withECDSA",
                 "notBefore": "2026-11-23T00:00:00Z", "notAfter": "2027-02-21T00:00:00Z"}"""
                .formatted(leaf.sha256Fingerprint());
    }

    private String intermediateJson() {
        CertificateFacts intermediate = fixtures.intermediateFacts;
        return """
                {"subject": "CN=Corp Intermediate CA", "issuer": "CN=Corp Root CA", "subjectAltNames": [],
                 "serialNumber": "2", "sha256": "%s", "keyType": "EC", "keySize": 256,
                 "signatureAlgorithm": "SHA256withECDSA", "notBefore": "%s", "notAfter": "%s"}"""
                .formatted(intermediate.sha256Fingerprint(), "2026-11-23T11:00:00Z", "2027-02-21T12:00:00Z");
    }

    private static String render(Report report) throws IOException {
        StringWriter text = new StringWriter();
        new JsonReporter().write(report, text);
        return text.toString();
    }

    private static JsonNode parse(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** The target without the key identity and usages of issue 16, which are asserted on their own. */
    private static JsonNode withoutKeyFacts(JsonNode target) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = target.deepCopy();
        java.util.List<JsonNode> certificates = new java.util.ArrayList<>();
        certificates.add(copy.get("certificate"));
        copy.get("chain").forEach(certificates::add);
        for (JsonNode certificate : certificates) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) certificate).remove(
                    java.util.List.of("spkiSha256", "keyUsage", "extendedKeyUsage"));
        }
        return copy;
    }
}
