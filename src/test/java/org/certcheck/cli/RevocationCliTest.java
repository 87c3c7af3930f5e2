package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

import org.bouncycastle.asn1.x509.CRLReason;
import org.certcheck.demo.RevocationServer.Reply;
import org.certcheck.net.Resolver;
import org.certcheck.pki.CrlBuilder;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.ConnectProxy;
import org.certcheck.testing.OcspResponses;
import org.certcheck.testing.RevocationPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Revocation through the real command line: real TLS servers on loopback whose certificates point
 * at an in-process OCSP responder and CRL server. What status, which code, which exit code, what
 * the table and the JSON say.
 */
class RevocationCliTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

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
        pki.close(); // and the servers it started
    }

    /** Serves {@code leaf} with the intermediate; returns its target. */
    private String serve(HeldCertificate leaf) throws Exception {
        return pki.serve(leaf, "good.test");
    }

    private CliRun check(List<String> targets, String... options) {
        List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "--revocation-timeout", "2s",
                "--fetch-allow", "127.0.0.1"));
        args.addAll(List.of(options));
        args.addAll(targets);
        return CliRun.run(Clock.fixed(NOW, ZoneOffset.UTC), Resolver.SYSTEM, args.toArray(String[]::new));
    }

    private JsonNode json(String target, String... options) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of("-o", "json"));
        CliRun run = check(List.of(target), all.toArray(String[]::new));
        return run.target(target);
    }

    private static List<String> codes(JsonNode target) {
        return CliRun.engineNeutralCodes(target.get("findings"));
    }

    @Test
    void certificateRevokedByOcspFailsWithExit1AndNamesTheResponder() throws Exception {
        pki.responder.answerWith(OcspResponses.by(pki.intermediate, NOW)
                .revoked(NOW.minus(Duration.ofDays(2)), CRLReason.keyCompromise));
        String target = serve(pki.leafWithOcsp("good.test").build());

        CliRun run = check(List.of(target), "-o", "json");

        JsonNode result = run.target(target);
        assertThat(result.get("status").asText()).as(run.out()).isEqualTo("FAIL");
        assertThat(codes(result)).contains("revocation.revoked");
        JsonNode leaf = result.get("revocation").get("certificates").get(0);
        assertThat(result.get("revocation").get("status").asText()).isEqualTo("revoked");
        assertThat(leaf.get("status").asText()).isEqualTo("revoked");
        assertThat(leaf.get("source").asText()).isEqualTo("ocsp");
        assertThat(leaf.get("url").asText()).isEqualTo(pki.responder.url());
        assertThat(Instant.parse(leaf.get("revokedAt").asText())).isEqualTo(NOW.minus(Duration.ofDays(2)));
        assertThat(leaf.get("reason").asText()).isEqualTo("keyCompromise");
        assertThat(leaf.has("thisUpdate")).isTrue();
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void certificateRevokedByCrlFailsAndTheTableSaysRevoked() throws Exception {
        HeldCertificate leaf = pki.leafWithCrl("good.test").build();
        pki.publishIssuingCrl(CrlBuilder.issuedBy(pki.intermediate, NOW).revoke(leaf));
        String target = serve(leaf);

        CliRun run = check(List.of(target));

        String row = run.out().lines().filter(line -> line.startsWith(target)).findFirst().orElseThrow();
        assertThat(run.out().lines().findFirst().orElseThrow()).contains("NOT AFTER", "REVOCATION", "REASONS");
        assertThat(row).contains("FAIL", "revoked (crl)", "was revoked on");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void goodCertificateShowsItsSourceInTheTable() throws Exception {
        String target = serve(pki.leafWithOcsp("good.test").build());

        CliRun run = check(List.of(target));

        String row = run.out().lines().filter(line -> line.startsWith(target)).findFirst().orElseThrow();
        assertThat(row).contains("PASS", "good (ocsp)", "ok, chain ends at");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void responderDownWarnsWhenSoftAndExits0() throws Exception {
        pki.responder.answerWith(Reply.status(500));
        String target = serve(pki.leafWithOcsp("good.test").build());

        CliRun run = check(List.of(target), "-o", "json");

        JsonNode result = run.target(target);
        assertThat(result.get("status").asText()).isEqualTo("WARN");
        assertThat(codes(result)).contains("revocation.unknown");
        assertThat(result.get("revocation").get("certificates").get(0).get("problems").get(0).asText())
                .isEqualTo("OCSP " + pki.responder.url() + ": HTTP 500");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void responderDownFailsWhenHardWithExit1() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String target = serve(pki.leaf("good.test").ocspResponder("http://127.0.0.1:" + closed + "/").build());

        CliRun run = check(List.of(target), "--revocation", "hard");

        String row = run.out().lines().filter(line -> line.startsWith(target)).findFirst().orElseThrow();
        assertThat(row).contains("FAIL", "unknown", "the revocation status of the certificate is unknown");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void revocationOffFetchesNothingAndHasNoColumn() throws Exception {
        pki.responder.answerWith(OcspResponses.by(pki.intermediate, NOW).revoked(NOW, CRLReason.keyCompromise));
        String target = serve(pki.leafWithOcsp("good.test").build());

        CliRun run = check(List.of(target), "--revocation", "off");

        assertThat(run.out()).doesNotContain("REVOCATION").contains("PASS");
        assertThat(pki.responder.requests()).isZero();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void mustStapleCertificateOnAServerThatDoesNotStapleFails() throws Exception {
        String target = serve(pki.leafWithOcsp("good.test").mustStaple().build());

        JsonNode result = json(target);

        assertThat(result.get("status").asText()).isEqualTo("FAIL");
        assertThat(codes(result)).containsExactly("revocation.must-staple-missing");
        assertThat(result.get("revocation").get("status").asText()).as("the responder still answers").isEqualTo("good");
    }

    @Test
    void crlFileCatchesARevokedCertificateOffline() throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").crlDistributionPoint("ldap://dir.corp.test/issuing").build();
        Path crl = Files.write(temp.resolve("issuing.crl"), CrlBuilder.issuedBy(pki.intermediate, NOW).revoke(leaf).build());
        Path rootCrl = Files.write(temp.resolve("root.crl"), CrlBuilder.issuedBy(pki.root, NOW).build());
        String target = serve(leaf);

        JsonNode result = json(target, "--crl", crl.toString(), "--crl", rootCrl.toString(), "--revocation", "hard");

        assertThat(result.get("status").asText()).isEqualTo("FAIL");
        assertThat(codes(result)).containsExactly("revocation.revoked");
        assertThat(result.get("revocation").get("certificates").get(0).get("url").asText())
                .isEqualTo(crl.toUri().toString());
        assertThat(pki.crlServer.requests(RevocationPki.ROOT_CRL)).as("the root CRL came from the file").isZero();
    }

    @Test
    void crlFileThatIsNotACrlIsAUsageError() throws Exception {
        Path notCrl = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());

        CliRun run = check(List.of("good.test:443"), "--crl", notCrl.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--crl " + notCrl, "not a CRL");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void twentyTargetsUnderOneCaCauseOneCrlDownload() throws Exception {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            targets.add(serve(pki.leafWithOcsp("good.test").crlDistributionPoint(pki.crlServer.url(RevocationPki.ISSUING_CRL))
                    .build()));
        }

        CliRun run = check(targets, "-o", "json");

        assertThat(run.json().get("summary").get("pass").asInt()).as(run.out()).isEqualTo(20);
        assertThat(pki.crlServer.requests(RevocationPki.ISSUING_CRL)).isEqualTo(1);
        assertThat(pki.crlServer.requests(RevocationPki.ROOT_CRL)).isEqualTo(1);
        assertThat(pki.responder.requests()).isLessThanOrEqualTo(2);
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void ocspAndCrlAreFetchedThroughTheProxyWithItsCredentials() throws Exception {
        String byOcsp = serve(pki.leafWithOcsp("good.test").build());
        String byCrl = serve(pki.leafWithCrl("good.test").build());
        try (ConnectProxy proxy = ConnectProxy.requiring("alice:s3cret")) {
            CliRun run = check(List.of(byOcsp, byCrl), "-o", "json", "--revocation", "hard",
                    "--proxy", "http://alice:s3cret@127.0.0.1:" + proxy.port());

            assertThat(run.target(byOcsp).get("status").asText()).as(run.out() + run.err()).isEqualTo("PASS");
            assertThat(run.target(byOcsp).get("revocation").get("certificates").get(0).get("source").asText())
                    .as(run.out()).isEqualTo("ocsp");
            assertThat(run.target(byCrl).get("revocation").get("certificates").get(0).get("source").asText())
                    .isEqualTo("crl");
            assertThat(run.json().get("summary").get("pass").asInt()).isEqualTo(2);
            assertThat(proxy.requests()).contains("CONNECT " + byOcsp + " HTTP/1.1", "CONNECT " + byCrl + " HTTP/1.1",
                    "POST " + pki.responder.url() + " HTTP/1.1",
                    "GET " + pki.crlServer.url(RevocationPki.ISSUING_CRL) + " HTTP/1.1");
            assertThat(run.exitCode()).isZero();
        }
    }
}
