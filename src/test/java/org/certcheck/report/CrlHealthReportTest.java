package org.certcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Role;
import org.certcheck.revocation.CrlHealth;
import org.junit.jupiter.api.Test;

/** The CRL health of issuing CAs as the reporters write it: once, under the table and in the JSON {@code cas}. */
class CrlHealthReportTest {
    private static final String ISSUING = "CN=Corp Issuing CA,O=Corp";
    private static final String URL = "http://pki.corp.test/issuing.crl";

    private final ReportFixtures fixtures = new ReportFixtures();

    private static CrlHealth stale() {
        CrlHealth.Facts facts = new CrlHealth.Facts(Instant.parse("2026-11-13T12:00:00Z"),
                Optional.of(Instant.parse("2026-11-20T12:00:00Z")), 1234, 17, Optional.empty(),
                List.of("http://pki.corp.test/issuing-delta.crl"));
        return new CrlHealth(ISSUING, "1a2b3c4d5e6f", 40, List.of(new CrlHealth.Published(URL, Optional.empty(),
                Optional.of(facts))), List.of(), List.of(Finding.about(ISSUING, Role.INTERMEDIATE, FindingCode.CRL_STALE,
                "the CRL " + URL + " is stale: its nextUpdate 2026-11-20 12:00 UTC has passed")));
    }

    private static CrlHealth unreachable() {
        return new CrlHealth("CN=Corp Root CA", "99aa", 1, List.of(new CrlHealth.Published("http://pki.corp.test/root.crl",
                Optional.of("HTTP 404"), Optional.empty())), List.of("http://pki.corp.test/more.crl"),
                List.of(Finding.about("CN=Corp Root CA", Role.ANCHOR, FindingCode.CRL_UNREACHABLE,
                        "the CRL http://pki.corp.test/root.crl could not be downloaded (HTTP 404)"),
                        Finding.about("CN=Corp Root CA", Role.ANCHOR, FindingCode.CRL_STALE_SOON, "goes stale soon")));
    }

    private static CrlHealth healthy() {
        CrlHealth.Facts facts = new CrlHealth.Facts(Instant.parse("2026-11-23T11:00:00Z"), Optional.empty(), 400, 0,
                Optional.of(BigInteger.valueOf(41)), List.of());
        return new CrlHealth("CN=Corp Other CA", "77", 3, List.of(new CrlHealth.Published("http://o/crl",
                Optional.empty(), Optional.of(facts))), List.of(), List.of());
    }

    private Report report() {
        return ReportFixtures.reportOf(fixtures.pass()).withCas(List.of(stale(), unreachable(), healthy()));
    }

    @Test
    void theTableSaysEachCaOnceUnderTheRowsBeforeTheSummary() {
        StringWriter out = new StringWriter();
        new TableReporter(TableStyle.plain()).write(report(), out);

        assertThat(out.toString()).isEqualTo("""
                TARGET             STATUS  DAYS  NOT AFTER   REASONS
                www.corp.test:443  PASS      89  2027-02-21  ok, chain ends at CN=Corp Root CA

                CRLs of 3 issuing CAs: 1 fail, 1 warn
                  FAIL  CN=Corp Issuing CA,O=Corp (key 1a2b3c4d): the CRL http://pki.corp.test/issuing.crl is stale: its nextUpdate 2026-11-20 12:00 UTC has passed
                  WARN  CN=Corp Root CA (key 99aa): the CRL http://pki.corp.test/root.crl could not be downloaded (HTTP 404) (and 1 more: see the JSON report's cas section)
                1 checked: 1 pass, 0 warn, 0 fail, 0 unknown
                """);
    }

    @Test
    void aNarrowTerminalWrapsTheFooterLines() {
        StringWriter out = new StringWriter();
        new TableReporter(new TableStyle(false, false, 60)).write(report(), out);

        assertThat(out.toString()).contains("""
                CRLs of 3 issuing CAs: 1 fail, 1 warn
                  FAIL  CN=Corp Issuing CA,O=Corp (key 1a2b3c4d): the CRL
                    http://pki.corp.test/issuing.crl is stale: its
                    nextUpdate 2026-11-20 12:00 UTC has passed
                  WARN  CN=Corp Root CA (key 99aa): the CRL
                """);
        assertThat(out.toString().lines().dropWhile(line -> !line.startsWith("CRLs of")))
                .allMatch(line -> line.length() <= 60);
    }

    @Test
    void withoutCasTheTableIsAsBefore() {
        StringWriter out = new StringWriter();
        new TableReporter(TableStyle.plain()).write(ReportFixtures.reportOf(fixtures.pass()), out);

        assertThat(out.toString()).doesNotContain("CRLs of");
    }

    @Test
    void theJsonHasOneObjectPerCaAndMatchesTheSchema() throws IOException {
        StringWriter out = new StringWriter();
        new JsonReporter().write(report(), out);
        JsonNode json = new ObjectMapper().readTree(out.toString());

        assertThat(ReportSchemaTest.errors(ReportSchemaTest.document(), json)).isEmpty();
        JsonNode cas = json.get("cas");
        assertThat(cas.size()).isEqualTo(3);
        JsonNode issuing = cas.get(0);
        assertThat(issuing.get("subject").asText()).isEqualTo(ISSUING);
        assertThat(issuing.get("keyId").asText()).isEqualTo("1a2b3c4d5e6f");
        assertThat(issuing.get("status").asText()).isEqualTo("FAIL");
        assertThat(issuing.get("certificates").asInt()).isEqualTo(40);
        JsonNode crl = issuing.get("crls").get(0);
        assertThat(crl.get("url").asText()).isEqualTo(URL);
        assertThat(crl.get("reachable").asBoolean()).isTrue();
        assertThat(crl.get("thisUpdate").asText()).isEqualTo("2026-11-13T12:00:00Z");
        assertThat(crl.get("nextUpdate").asText()).isEqualTo("2026-11-20T12:00:00Z");
        assertThat(crl.get("bytes").asInt()).isEqualTo(1234);
        assertThat(crl.get("entries").asInt()).isEqualTo(17);
        assertThat(crl.get("delta").asBoolean()).isTrue();
        assertThat(crl.get("deltaCrls").get(0).asText()).isEqualTo("http://pki.corp.test/issuing-delta.crl");
        assertThat(issuing.get("findings").get(0).get("code").asText()).isEqualTo("crl.stale");
        assertThat(issuing.get("findings").get(0).get("severity").asText()).isEqualTo("FAIL");
        assertThat(issuing.has("unchecked")).isFalse();
        JsonNode root = cas.get(1);
        assertThat(root.get("status").asText()).isEqualTo("WARN");
        assertThat(root.get("crls").get(0).get("reachable").asBoolean()).isFalse();
        assertThat(root.get("crls").get(0).get("problem").asText()).isEqualTo("HTTP 404");
        assertThat(root.get("unchecked").get(0).asText()).isEqualTo("http://pki.corp.test/more.crl");
        assertThat(cas.get(2).get("status").asText()).isEqualTo("PASS");
        assertThat(cas.get(2).get("crls").get(0).get("deltaOf").asInt()).isEqualTo(41);
        assertThat(cas.get(2).get("crls").get(0).has("nextUpdate")).isFalse();
    }

    @Test
    void aReportWithoutCasHasNoCasSection() throws IOException {
        StringWriter out = new StringWriter();
        new JsonReporter().write(ReportFixtures.reportOf(fixtures.pass()), out);

        assertThat(new ObjectMapper().readTree(out.toString()).has("cas")).isFalse();
    }

    @Test
    void theNagiosStateCountsTheCas() {
        assertThat(NagiosReporter.State.of(report())).isEqualTo(NagiosReporter.State.CRITICAL);
        assertThat(NagiosReporter.State.of(ReportFixtures.reportOf(fixtures.pass()).withCas(List.of(healthy()))))
                .isEqualTo(NagiosReporter.State.OK);
    }
}
