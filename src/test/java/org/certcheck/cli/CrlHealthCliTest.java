package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.net.Resolver;
import org.certcheck.pki.CrlBuilder;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.PrometheusText;
import org.certcheck.testing.PrometheusText.Sample;
import org.certcheck.testing.RawServer;
import org.certcheck.testing.RevocationPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CRL health per issuing CA (issue 16 item 6) through the real command line: loopback TLS servers
 * whose certificates name the in-process CRL server, a fixed clock. What the {@code cas} section,
 * the table's footer and the exit code say, and how often each CRL is fetched.
 */
class CrlHealthCliTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String ISSUING_CA = "CN=Test Issuing CA,O=Test Corp";

    private RevocationPki pki;
    private Path rootPem;

    @TempDir
    Path temp;

    @BeforeEach
    void start() throws Exception {
        pki = new RevocationPki(NOW);
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
    }

    @AfterEach
    void stop() {
        pki.close();
    }

    /** When the stale CRL of {@link #hostUnderStaleIssuingCrl()} should have been replaced: 2 hours ago. */
    private static final Instant STALE_NEXT_UPDATE = NOW.minus(Duration.ofHours(2));

    /** A host whose issuing CA publishes a CRL 8 days old, past its nextUpdate; OCSP answers good. */
    private String hostUnderStaleIssuingCrl() throws Exception {
        pki.publishIssuingCrl(CrlBuilder.issuedBy(pki.intermediate, NOW).thisUpdate(NOW.minus(Duration.ofDays(8)))
                .nextUpdate(STALE_NEXT_UPDATE));
        return serveOcspAndCrl("good.test");
    }

    /** A leaf whose OCSP responder answers good and which names the issuing CA's CRL. */
    private String serveOcspAndCrl(String name) throws Exception {
        return serve(pki.leafWithOcsp(name).crlDistributionPoint(pki.crlServer.url(RevocationPki.ISSUING_CRL)).build(),
                name);
    }

    private String serve(HeldCertificate leaf, String name) throws Exception {
        return pki.serve(leaf, name);
    }

    private CliRun check(Instant at, List<String> targets, String... options) {
        List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "--revocation-timeout", "2s",
                "--fetch-allow", "127.0.0.1"));
        args.addAll(List.of(options));
        args.addAll(targets);
        return CliRun.run(Clock.fixed(at, ZoneOffset.UTC), Resolver.SYSTEM, args.toArray(String[]::new));
    }

    private static JsonNode ca(CliRun run, String subject) {
        for (JsonNode ca : run.json().get("cas")) {
            if (ca.get("subject").asText().equals(subject)) {
                return ca;
            }
        }
        throw new AssertionError("no CA " + subject + " in the cas section of\n" + run.out());
    }

    private static List<String> codes(JsonNode node) {
        return node.get("findings").findValuesAsText("code");
    }

    private static List<String> footer(CliRun run) {
        List<String> lines = run.out().lines().toList();
        int start = 0;
        while (start < lines.size() && !lines.get(start).startsWith("CRLs of ")) {
            start++;
        }
        return lines.subList(start, lines.size() - 1);
    }

    @Test
    void twoHostsSharingOneCaGiveOneCasEntryAndOneFetch() throws Exception {
        String first = serve(pki.leafWithCrl("good.test").build(), "good.test");
        String second = serve(pki.leafWithCrl("good.test").build(), "good.test");

        CliRun run = check(NOW, List.of(first, second), "-o", "json");

        assertThat(run.json().get("summary").get("pass").asInt()).as(run.out()).isEqualTo(2);
        assertThat(run.json().get("cas").size()).as("the issuing CA and the root, once each").isEqualTo(2);
        JsonNode issuing = ca(run, ISSUING_CA);
        assertThat(issuing.get("status").asText()).isEqualTo("PASS");
        assertThat(issuing.get("certificates").asInt()).isEqualTo(2);
        assertThat(issuing.get("keyId").asText()).matches("[0-9a-f]{40}");
        assertThat(issuing.get("findings")).isEmpty();
        JsonNode crl = issuing.get("crls").get(0);
        assertThat(issuing.get("crls").size()).isEqualTo(1);
        assertThat(crl.get("url").asText()).isEqualTo(pki.crlServer.url(RevocationPki.ISSUING_CRL));
        assertThat(crl.get("reachable").asBoolean()).isTrue();
        assertThat(Instant.parse(crl.get("thisUpdate").asText())).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(Instant.parse(crl.get("nextUpdate").asText())).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(crl.get("entries").asInt()).isZero();
        assertThat(crl.get("bytes").asInt()).isPositive();
        assertThat(crl.get("delta").asBoolean()).isFalse();
        assertThat(ca(run, "CN=Test Root CA,O=Test Corp").get("certificates").asInt()).isEqualTo(1);
        assertThat(pki.crlServer.requests(RevocationPki.ISSUING_CRL)).isEqualTo(1);
        assertThat(pki.crlServer.requests(RevocationPki.ROOT_CRL)).isEqualTo(1);
        assertThat(run.json().get("targets").findValuesAsText("code")).noneMatch(code -> code.startsWith("crl."));
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aCrlTheTargetsDidNotNeedIsFetchedOnceForTheCaAndOcspMissingIsNoFinding() throws Exception {
        String withOcsp = serveOcspAndCrl("good.test");
        String crlOnly = serve(pki.leafWithCrl("good.test").build(), "good.test");

        CliRun run = check(NOW, List.of(withOcsp, crlOnly), "-o", "json");

        assertThat(ca(run, ISSUING_CA).get("certificates").asInt()).isEqualTo(2);
        assertThat(ca(run, ISSUING_CA).get("status").asText()).isEqualTo("PASS");
        assertThat(pki.crlServer.requests(RevocationPki.ISSUING_CRL)).isEqualTo(1);
        assertThat(run.json().get("summary").get("pass").asInt()).as("no finding for b.test's missing OCSP")
                .isEqualTo(2);
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void staleCrlFailsTheRunWithExit1OnceInTheFooterWhileTheHostsPass() throws Exception {
        pki.publishIssuingCrl(CrlBuilder.issuedBy(pki.intermediate, NOW).thisUpdate(NOW.minus(Duration.ofDays(8)))
                .nextUpdate(NOW.minus(Duration.ofHours(2))));
        String first = serveOcspAndCrl("good.test");
        String second = serveOcspAndCrl("good.test");

        CliRun table = check(NOW, List.of(first, second));
        CliRun json = check(NOW, List.of(first, second), "-o", "json");

        assertThat(json.json().get("summary").get("pass").asInt()).as("OCSP answers for each host").isEqualTo(2);
        JsonNode issuing = ca(json, ISSUING_CA);
        assertThat(issuing.get("status").asText()).isEqualTo("FAIL");
        assertThat(codes(issuing)).containsExactly("crl.stale");
        assertThat(issuing.get("findings").get(0).get("severity").asText()).isEqualTo("FAIL");
        assertThat(issuing.get("findings").get(0).get("message").asText()).startsWith("the CRL "
                + pki.crlServer.url(RevocationPki.ISSUING_CRL) + " is stale: its nextUpdate ")
                .contains("every client that checks it and fails hard now rejects the CA's 2 certificates");
        assertThat(json.exitCode()).isEqualTo(1);

        assertThat(footer(table)).as(table.out()).hasSize(2);
        assertThat(footer(table).get(0)).isEqualTo("CRLs of 2 issuing CAs: 1 fail, 0 warn");
        assertThat(footer(table).get(1)).startsWith("  FAIL  " + ISSUING_CA + " (key "
                + issuing.get("keyId").asText().substring(0, 8) + "): the CRL ").contains("is stale");
        assertThat(table.out().split("is stale", -1)).as("said once, not on each row").hasSize(2);
        assertThat(table.out().lines().filter(line -> line.startsWith("good.test")))
                .hasSize(2)
                .allMatch(row -> row.contains("PASS"));
        assertThat(table.out().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("2 checked: 2 pass, 0 warn,"
                + " 0 fail, 0 unknown");
        assertThat(table.exitCode()).isEqualTo(1);
    }

    @Test
    void prometheusCarriesEachCasStatusAndItsCrlsDatesForAlerting() throws Exception {
        Instant nextUpdate = STALE_NEXT_UPDATE;
        String host = hostUnderStaleIssuingCrl();

        CliRun run = check(NOW, List.of(host), "-o", "prometheus");

        String exposition = run.out();
        assertThat(PrometheusText.lint(exposition).exitCode()).as(exposition).isZero();
        List<Sample> samples = PrometheusText.parse(exposition);
        String url = pki.crlServer.url(RevocationPki.ISSUING_CRL);
        assertThat(value(samples, "certcheck_ca_status", ISSUING_CA, "status", "fail")).isEqualTo(1);
        assertThat(value(samples, "certcheck_ca_status", ISSUING_CA, "status", "pass")).isEqualTo(0);
        assertThat(value(samples, "certcheck_ca_findings", ISSUING_CA, "code", "crl.stale")).isEqualTo(1);
        assertThat(value(samples, "certcheck_crl_reachable", ISSUING_CA, "url", url)).isEqualTo(1);
        assertThat(value(samples, "certcheck_crl_next_update_timestamp_seconds", ISSUING_CA, "url", url))
                .isEqualTo(nextUpdate.getEpochSecond());
        assertThat(value(samples, "certcheck_crl_this_update_timestamp_seconds", ISSUING_CA, "url", url))
                .isEqualTo(NOW.minus(Duration.ofDays(8)).getEpochSecond());
        assertThat(value(samples, "certcheck_crl_entries", ISSUING_CA, "url", url)).isEqualTo(0);
        assertThat(value(samples, "certcheck_crl_size_bytes", ISSUING_CA, "url", url)).isPositive();
        assertThat(value(samples, "certcheck_target_check_success", null, null, null)).as("the host itself passes")
                .isEqualTo(1);
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void junitShowsAFailingCaAsAFailedTestSoTheCiPageAgreesWithTheExitCode() throws Exception {
        String host = hostUnderStaleIssuingCrl();

        CliRun run = check(NOW, List.of(host), "-o", "junit");

        javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(CrlHealthCliTest.class.getResource("/junit/junit.xsd")).newValidator()
                .validate(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(run.out())));
        org.w3c.dom.Element suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(run.out()))).getDocumentElement();
        assertThat(suite.getAttribute("tests")).as("the host, the issuing CA and the root").isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        org.w3c.dom.NodeList cases = suite.getElementsByTagName("testcase");
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            org.w3c.dom.Element testcase = (org.w3c.dom.Element) cases.item(i);
            org.w3c.dom.NodeList failure = testcase.getElementsByTagName("failure");
            if (failure.getLength() > 0) {
                failed.add(testcase.getAttribute("name") + " " + ((org.w3c.dom.Element) failure.item(0)).getAttribute("type"));
            }
        }
        assertThat(failed).singleElement().asString().startsWith("CRL health of " + ISSUING_CA + " (key ")
                .endsWith(" crl.stale");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void theHtmlPageListsEachCasCrlsUnderTheTargets() throws Exception {
        String host = hostUnderStaleIssuingCrl();

        CliRun run = check(NOW, List.of(host), "-o", "html");

        String page = run.out();
        assertThat(page.indexOf("<h2>CRLs of issuing CAs</h2>")).as(page).isGreaterThan(page.indexOf("<h2>Targets</h2>"));
        String cas = page.substring(page.indexOf("<table id=\"cas\">"));
        assertThat(cas).contains("CN=Test Issuing CA,O=Test Corp <small>key ")
                .contains("<td class=\"status status-FAIL\">FAIL</td>")
                .contains(pki.crlServer.url(RevocationPki.ISSUING_CRL) + " 20")
                .contains("FAIL [crl.stale] the CRL ");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    /** The one sample of {@code name} for the CA (and label), or, with a null CA, the only one. */
    private static double value(List<Sample> samples, String name, String ca, String label, String labelValue) {
        List<Sample> found = samples.stream().filter(sample -> sample.name().equals(name))
                .filter(sample -> ca == null || (ca.equals(sample.labels().get("ca"))
                        && labelValue.equals(sample.labels().get(label))))
                .toList();
        assertThat(found).as(name + " for " + ca + " " + labelValue).hasSize(1);
        return found.get(0).value();
    }

    @Test
    void nextUpdateWithinADayWarnsAndExits0() throws Exception {
        pki.publishIssuingCrl(CrlBuilder.issuedBy(pki.intermediate, NOW).thisUpdate(NOW.minus(Duration.ofDays(6)))
                .nextUpdate(NOW.plus(Duration.ofHours(20))));
        String target = serveOcspAndCrl("good.test");

        CliRun run = check(NOW, List.of(target), "-o", "json");

        JsonNode issuing = ca(run, ISSUING_CA);
        assertThat(issuing.get("status").asText()).isEqualTo("WARN");
        assertThat(codes(issuing)).containsExactly("crl.stale-soon");
        assertThat(issuing.get("findings").get(0).get("message").asText())
                .contains("goes stale in 20 h (nextUpdate ", "less than a day left");
        assertThat(run.exitCode()).isZero();
        assertThat(check(NOW, List.of(target), "--fail-on", "warn").exitCode()).isEqualTo(1);
    }

    @Test
    void lessThanAQuarterOfItsValidityLeftWarns() throws Exception {
        pki.publishIssuingCrl(CrlBuilder.issuedBy(pki.intermediate, NOW).thisUpdate(NOW.minus(Duration.ofDays(20)))
                .nextUpdate(NOW.plus(Duration.ofDays(4))));
        String target = serveOcspAndCrl("good.test");

        CliRun run = check(NOW, List.of(target));

        assertThat(footer(run)).containsExactly("CRLs of 2 issuing CAs: 0 fail, 1 warn",
                footer(run).get(1));
        assertThat(footer(run).get(1)).startsWith("  WARN  " + ISSUING_CA).contains("goes stale in 4 days",
                "less than a quarter of its validity of 24 days left");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void theInjectedClockDecidesBetweenCurrentStaleSoonAndStale() throws Exception {
        // One CRL valid for 7 days from an hour ago, seen by runs at three points of its life.
        String target = serve(pki.leafWithCrl("good.test").validFor(Duration.ofDays(-1), Duration.ofDays(90)).build(),
                "good.test");

        CliRun fresh = check(NOW, List.of(target), "-o", "json", "--revocation", "off");
        CliRun early = check(NOW.plus(Duration.ofDays(1)), List.of(target), "-o", "json");
        CliRun late = check(NOW.plus(Duration.ofDays(6)), List.of(target), "-o", "json");
        CliRun stale = check(NOW.plus(Duration.ofDays(8)), List.of(target), "-o", "json");

        assertThat(fresh.json().has("cas")).as("nothing judged with --revocation off").isFalse();
        assertThat(ca(early, ISSUING_CA).get("status").asText()).isEqualTo("PASS");
        assertThat(codes(ca(late, ISSUING_CA))).containsExactly("crl.stale-soon");
        assertThat(codes(ca(stale, ISSUING_CA))).containsExactly("crl.stale");
        assertThat(early.exitCode()).isZero();
        assertThat(late.exitCode()).isZero();
        assertThat(stale.exitCode()).isEqualTo(1);
    }

    @Test
    void crlSignedByAnotherKeyFails() throws Exception {
        HeldCertificate impostor = HeldCertificate.builder(NOW).commonName("Test Issuing CA").organization("Test Corp")
                .certificateAuthority(0).build();
        pki.publishIssuingCrl(CrlBuilder.issuedBy(pki.intermediate, NOW).signingKeys(impostor.keyPair()));
        String target = serveOcspAndCrl("good.test");

        CliRun run = check(NOW, List.of(target), "-o", "json");

        JsonNode issuing = ca(run, ISSUING_CA);
        assertThat(codes(issuing)).containsExactly("crl.bad-signature");
        assertThat(issuing.get("findings").get(0).get("message").asText())
                .contains("the CRL's signature does not verify with the key of " + ISSUING_CA);
        assertThat(issuing.get("status").asText()).isEqualTo("FAIL");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void crlOfAnotherIssuerFails() throws Exception {
        pki.publishIssuingCrl(CrlBuilder.issuedBy(pki.root, NOW));
        String target = serveOcspAndCrl("good.test");

        CliRun run = check(NOW, List.of(target), "-o", "json");

        assertThat(codes(ca(run, ISSUING_CA))).containsExactly("crl.wrong-issuer");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void unreachableCrlWarnsWhenSoftAndFailsWhenHard() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed + "/issuing.crl";
        String target = serve(pki.leafWithOcsp("good.test").crlDistributionPoint(url).build(), "good.test");

        CliRun soft = check(NOW, List.of(target), "-o", "json", "--fetch-allow", "127.0.0.1:" + closed);
        CliRun hard = check(NOW, List.of(target), "-o", "json", "--fetch-allow", "127.0.0.1:" + closed,
                "--revocation", "hard");

        JsonNode issuing = ca(soft, ISSUING_CA);
        assertThat(codes(issuing)).containsExactly("crl.unreachable");
        assertThat(issuing.get("status").asText()).isEqualTo("WARN");
        JsonNode crl = issuing.get("crls").get(0);
        assertThat(crl.get("url").asText()).isEqualTo(url);
        assertThat(crl.get("reachable").asBoolean()).isFalse();
        assertThat(crl.get("problem").asText()).isNotBlank();
        assertThat(crl.has("entries")).isFalse();
        assertThat(issuing.get("findings").get(0).get("message").asText()).startsWith("the CRL " + url
                + " could not be downloaded (" + crl.get("problem").asText() + ")");
        assertThat(soft.target(target).get("status").asText()).as("OCSP answered").isEqualTo("PASS");
        assertThat(soft.exitCode()).isZero();
        assertThat(ca(hard, ISSUING_CA).get("status").asText()).isEqualTo("FAIL");
        assertThat(hard.exitCode()).isEqualTo(1);
    }

    @Test
    void deltaCrlPublishedIsReported() throws Exception {
        String delta = pki.crlServer.url("/issuing-delta.crl");
        pki.publishIssuingCrl(CrlBuilder.issuedBy(pki.intermediate, NOW).freshestCrl(delta));
        String target = serve(pki.leafWithCrl("good.test").build(), "good.test");

        CliRun run = check(NOW, List.of(target), "-o", "json");

        JsonNode crl = ca(run, ISSUING_CA).get("crls").get(0);
        assertThat(crl.get("delta").asBoolean()).isTrue();
        assertThat(crl.get("deltaCrls").findValuesAsText("")).isEmpty();
        assertThat(crl.get("deltaCrls").get(0).asText()).isEqualTo(delta);
        assertThat(crl.has("deltaOf")).isFalse();
        assertThat(ca(run, ISSUING_CA).get("status").asText()).isEqualTo("PASS");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aDeltaCrlWhereTheCompleteCrlBelongsIsUnusable() throws Exception {
        pki.publishIssuingCrl(CrlBuilder.issuedBy(pki.intermediate, NOW).deltaOf(BigInteger.valueOf(41)));
        String target = serveOcspAndCrl("good.test");

        CliRun run = check(NOW, List.of(target), "-o", "json");

        JsonNode issuing = ca(run, ISSUING_CA);
        assertThat(issuing.get("crls").get(0).get("deltaOf").asInt()).isEqualTo(41);
        assertThat(codes(issuing)).containsExactly("crl.unusable");
        assertThat(issuing.get("findings").get(0).get("message").asText()).contains("is a delta CRL (base CRL number 41)");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void aCrlFileStandsForTheDistributionPointAndIsJudgedToo() throws Exception {
        Path stale = Files.write(temp.resolve("issuing.crl"), CrlBuilder.issuedBy(pki.intermediate, NOW)
                .thisUpdate(NOW.minus(Duration.ofDays(10))).nextUpdate(NOW.minus(Duration.ofDays(3))).build());
        String target = serveOcspAndCrl("good.test");

        CliRun run = check(NOW, List.of(target), "-o", "json", "--crl", stale.toString());

        JsonNode issuing = ca(run, ISSUING_CA);
        assertThat(issuing.get("crls").get(0).get("url").asText()).isEqualTo(stale.toUri().toString());
        assertThat(codes(issuing)).containsExactly("crl.stale");
        assertThat(pki.crlServer.requests(RevocationPki.ISSUING_CRL)).isZero();
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void atMostFourCrlUrlsPerCaAreJudgedAndTheRestListedAsUnchecked() throws Exception {
        HeldCertificate.Builder leaf = pki.leafWithOcsp("good.test");
        for (int i = 0; i < 6; i++) {
            leaf.crlDistributionPoint(pki.crlServer.url("/issuing-" + i + ".crl"));
            pki.crlServer.publishCrl("/issuing-" + i + ".crl", CrlBuilder.issuedBy(pki.intermediate, NOW).build());
        }
        String target = serve(leaf.build(), "good.test");

        CliRun run = check(NOW, List.of(target), "-o", "json");

        JsonNode issuing = ca(run, ISSUING_CA);
        assertThat(issuing.get("crls").findValuesAsText("url")).containsExactly(pki.crlServer.url("/issuing-0.crl"),
                pki.crlServer.url("/issuing-1.crl"), pki.crlServer.url("/issuing-2.crl"),
                pki.crlServer.url("/issuing-3.crl"));
        assertThat(issuing.get("unchecked").get(0).asText()).isEqualTo(pki.crlServer.url("/issuing-4.crl"));
        assertThat(issuing.get("unchecked").size()).isEqualTo(2);
        assertThat(issuing.get("status").asText()).isEqualTo("PASS");
        assertThat(pki.crlServer.requests("/issuing-0.crl")).isEqualTo(1);
        assertThat(pki.crlServer.requests("/issuing-4.crl") + pki.crlServer.requests("/issuing-5.crl")).isZero();
    }

    @Test
    void theHealthCheckStartsNoDownloadAfterTheRevocationDeadline() throws Exception {
        try (RawServer silent = new RawServer(connection -> Thread.sleep(30_000))) {
            HeldCertificate.Builder leaf = pki.leafWithOcsp("good.test");
            for (int i = 0; i < 4; i++) {
                leaf.crlDistributionPoint("http://127.0.0.1:" + silent.port() + "/silent-" + i + ".crl");
            }
            String target = serve(leaf.build(), "good.test");

            long start = System.nanoTime();
            CliRun run = check(NOW, List.of(target), "-o", "json", "--revocation-timeout", "1s",
                    "--revocation-deadline", "1s");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            JsonNode issuing = ca(run, ISSUING_CA);
            assertThat(took).as("one 1 s download, then the deadline").isLessThan(Duration.ofSeconds(6));
            assertThat(issuing.get("crls").size()).isEqualTo(1);
            assertThat(issuing.get("crls").get(0).get("reachable").asBoolean()).isFalse();
            assertThat(issuing.get("unchecked").size()).isEqualTo(3);
            assertThat(issuing.get("findings").findValuesAsText("message")).anySatisfy(message -> assertThat(message)
                    .startsWith("3 CRLs of the CA not tried (").endsWith("the revocation deadline of 1 s"
                            + " (--revocation-deadline) had passed; raise it to check them"));
            assertThat(run.target(target).get("status").asText()).as("OCSP answered").isEqualTo("PASS");
        }
    }

    @Test
    void mergingTwoReportsKeepsEachCaOnceAndItsFailure() throws Exception {
        pki.publishIssuingCrl(CrlBuilder.issuedBy(pki.intermediate, NOW).thisUpdate(NOW.minus(Duration.ofDays(8)))
                .nextUpdate(NOW.minus(Duration.ofHours(2))));
        Path first = Files.writeString(temp.resolve("first.json"),
                check(NOW, List.of(serveOcspAndCrl("good.test")), "-o", "json").out());
        Path second = Files.writeString(temp.resolve("second.json"),
                check(NOW, List.of(serveOcspAndCrl("good.test")), "-o", "json").out());

        CliRun merged = CliRun.run("merge", first.toString(), second.toString());

        assertThat(merged.json().get("summary").get("pass").asInt()).as(merged.err()).isEqualTo(2);
        assertThat(merged.json().get("cas").size()).isEqualTo(2);
        assertThat(ca(merged, ISSUING_CA).get("status").asText()).isEqualTo("FAIL");
        assertThat(merged.exitCode()).isEqualTo(1);
    }
}
