package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certcheck.net.Resolver;
import org.certcheck.pki.CrlBuilder;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code certcheck verify}: certificate files judged offline, with the check's findings, report and exit codes. */
class VerifyCliTest {
    private final TestPki pki = new TestPki();
    private final Clock clock = Clock.fixed(pki.now, ZoneOffset.UTC);
    private Path root;
    private Path leaf;
    private Path chain;

    @TempDir
    Path temp;

    @BeforeEach
    void writeFiles() throws Exception {
        root = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
        HeldCertificate web = pki.leaf("web.corp.test").validFor(Duration.ofDays(-10), Duration.ofDays(100)).build();
        leaf = Files.writeString(temp.resolve("web.pem"), web.certificatePem());
        chain = Files.writeString(temp.resolve("chain.pem"), pki.intermediate.certificatePem());
    }

    private CliRun verify(String... args) {
        return CliRun.run(clock, Resolver.SYSTEM, args);
    }

    private static JsonNode target(CliRun run) {
        return run.json().get("targets").get(0);
    }

    @Test
    void goodLeafWithItsChainPassesOffline() {
        CliRun run = verify("verify", "--ca", root.toString(), "--name", "web.corp.test", "-o", "json",
                leaf.toString(), chain.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(target(run).get("status").asText()).isEqualTo("PASS");
        assertThat(target(run).get("target").asText()).isEqualTo("web.corp.test");
    }

    @Test
    void aLeafFileWithoutItsIntermediateIsIncompleteInTheFilesNotOnAServer() {
        CliRun run = verify("verify", "--ca", root.toString(), "--name", "web.corp.test", "-o", "json",
                leaf.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode finding = target(run).get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("chain.incomplete");
        assertThat(finding.get("message").asText()).contains("add its intermediate CA certificate(s) to the files")
                .doesNotContain("server");
    }

    @Test
    void atAMomentBeforeValidityTheLeafIsNotYetValid() {
        String before = pki.now.minus(Duration.ofDays(30)).toString();

        CliRun run = verify("verify", "--ca", root.toString(), "--at", before, "-o", "json", leaf.toString(),
                chain.toString());

        assertThat(target(run).get("findings").findValuesAsText("code")).containsExactly("cert.not-yet-valid");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void atAMomentInsideValidityWithinWarnDaysItWarns() {
        String late = pki.now.plus(Duration.ofDays(75)).toString();

        CliRun run = verify("verify", "--ca", root.toString(), "--at", late, "-o", "json", leaf.toString(),
                chain.toString());

        assertThat(target(run).get("findings").findValuesAsText("code")).containsExactly("cert.expires-soon");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void atADateAfterValidityTheLeafHasExpired() {
        CliRun run = verify("verify", "--ca", root.toString(), "--at", "2099-01-01", leaf.toString(), chain.toString());

        assertThat(run.out()).contains("FAIL").contains("expired");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void wrongNameIsAHostMismatch() {
        CliRun run = verify("verify", "--ca", root.toString(), "--name", "other.corp.test", "-o", "json",
                leaf.toString(), chain.toString());

        assertThat(target(run).get("findings").findValuesAsText("code")).containsExactly("host.mismatch");
    }

    @Test
    void pkcs12KeystoreWithItsChainIsRead() throws Exception {
        HeldCertificate web = pki.leaf("web.corp.test").build();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("web", web.privateKey(), "secret".toCharArray(),
                new Certificate[] {web.certificate(), pki.intermediate.certificate()});
        Path p12 = temp.resolve("web.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, "secret".toCharArray());
        }

        CliRun run = verify("verify", "--ca", root.toString(), "--password", "secret", "--name", "web.corp.test",
                "-o", "json", p12.toString());

        assertThat(target(run).get("status").asText()).as(run.err()).isEqualTo("PASS");
    }

    @Test
    void unreadableFileIsAUsageError() {
        CliRun run = verify("verify", "--ca", root.toString(), temp.resolve("missing.pem").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing.pem");
    }

    @Test
    void batchAnswersEachCaseOnItsOwnLineInOrder() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String good = mapper.writeValueAsString(testcase("good", pki.leaf("web.corp.test").build(), "web.corp.test"));
        String wrongName = mapper.writeValueAsString(testcase("wrong-name", pki.leaf("web.corp.test").build(),
                "other.corp.test"));
        Map<String, Object> client = testcase("client", pki.leaf("web.corp.test").build(), "web.corp.test");
        client.put("validation_kind", "CLIENT");
        String input = good + "\n" + wrongName + "\n" + mapper.writeValueAsString(client) + "\n{not json\n";

        CliRun run = CliRun.run(clock, Resolver.SYSTEM,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "verify", "--batch");

        assertThat(run.exitCode()).isZero();
        List<JsonNode> answers = answers(run);
        assertThat(answers).extracting(a -> a.get("id").asText() + " " + a.get("actual_result").asText())
                .containsExactly("good SUCCESS", "wrong-name FAILURE", "client SKIPPED", "line 4 FAILURE");
        assertThat(answers.get(1).get("context").asText()).contains("host.mismatch");
    }

    @Test
    void batchChecksTheCrlsOfACaseWithoutTheNetwork() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        HeldCertificate revoked = pki.leaf("revoked.corp.test").build();
        HeldCertificate good = pki.leaf("good.corp.test").build();
        String crl = pem(CrlBuilder.issuedBy(pki.intermediate, pki.now).revoke(revoked).build());
        String crlWithoutNumber = pem(CrlBuilder.issuedBy(pki.intermediate, pki.now).withoutCrlNumber().build());
        StringBuilder input = new StringBuilder();
        for (Map<String, Object> testcase : List.of(
                withCrl(testcase("listed", revoked, "revoked.corp.test"), crl),
                withCrl(testcase("not-listed", good, "good.corp.test"), crl),
                withCrl(testcase("unusable-crl", good, "good.corp.test"), crlWithoutNumber),
                withCrl(testcase("not-a-crl", good, "good.corp.test"), "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----"))) {
            input.append(mapper.writeValueAsString(testcase)).append('\n');
        }

        CliRun run = CliRun.run(clock, Resolver.SYSTEM,
                new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)), "verify", "--batch");

        List<JsonNode> answers = answers(run);
        assertThat(answers).extracting(a -> a.get("id").asText() + " " + a.get("actual_result").asText())
                .containsExactly("listed FAILURE", "not-listed SUCCESS", "unusable-crl FAILURE", "not-a-crl FAILURE");
        assertThat(answers.get(0).get("context").asText()).contains("revocation.revoked", "says the CRL crls[0]");
        assertThat(answers.get(2).get("context").asText()).contains("revocation.unknown", "no CRLNumber extension");
        assertThat(answers.get(3).get("context").asText()).startsWith("unparsable CRL");
        assertThat(run.exitCode()).isZero();
    }

    /** The JSON answers of {@code verify --batch}, one per output line. */
    private static List<JsonNode> answers(CliRun run) {
        ObjectMapper mapper = new ObjectMapper();
        return run.out().lines().map(line -> {
            try {
                return mapper.readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
    }

    private static Map<String, Object> withCrl(Map<String, Object> testcase, String crlPem) {
        testcase.put("crls", List.of(crlPem));
        return testcase;
    }

    private static String pem(byte[] crl) {
        return "-----BEGIN X509 CRL-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(crl)
                + "\n-----END X509 CRL-----\n";
    }

    private Map<String, Object> testcase(String id, HeldCertificate peer, String name) {
        Map<String, Object> testcase = new LinkedHashMap<>();
        testcase.put("id", id);
        testcase.put("validation_kind", "SERVER");
        testcase.put("trusted_certs", List.of(pki.root.certificatePem()));
        testcase.put("untrusted_intermediates", List.of(pki.intermediate.certificatePem()));
        testcase.put("peer_certificate", peer.certificatePem());
        testcase.put("validation_time", pki.now.toString());
        testcase.put("expected_peer_name", Map.of("kind", "DNS", "value", name));
        testcase.put("max_chain_depth", null);
        testcase.put("crls", List.of());
        return testcase;
    }
}
