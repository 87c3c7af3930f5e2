package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.demo.TlsServer;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * How the server sends its chain, judged apart from trust, through the real command line against
 * real servers on loopback: order, root, duplicates, extras, and the caIssuers hint.
 */
class ChainDiagnosisCliTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final TestPki pki = new TestPki();
    private Path rootPem;

    @TempDir
    Path temp;

    @BeforeEach
    void writeRoot() throws Exception {
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
    }

    private CliRun serve(HeldCertificate leaf, List<HeldCertificate> rest) throws Exception {
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf.certificate()));
        rest.forEach(c -> chain.add(c.certificate()));
        try (TlsServer server = TlsServer.start(LOOPBACK, chain, leaf.privateKey())) {
            return CliRun.run("--revocation", "off", "--ca", rootPem.toString(), "-o", "json", "--connect-timeout", "2s",
                    "--handshake-timeout", "5s", "--fetch-allow", "127.0.0.1", "good.test:" + server.port());
        }
    }

    private static JsonNode target(CliRun run) {
        return run.json().get("targets").get(0);
    }

    private static List<String> codes(CliRun run) {
        return target(run).get("findings").findValuesAsText("code");
    }

    @Test
    void chainSentInTheRightOrderHasNoHygieneFindings() throws Exception {
        CliRun run = serve(pki.leaf("good.test").build(), List.of(pki.intermediate));

        assertThat(codes(run)).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void rootSentByTheServerIsInformationOnly() throws Exception {
        CliRun run = serve(pki.leaf("good.test").build(), List.of(pki.intermediate, pki.root));

        assertThat(codes(run)).containsExactly("chain.root-sent");
        assertThat(target(run).get("status").asText()).isEqualTo("PASS");
    }

    @Test
    void chainOutOfOrderIsAWarningThatShowsTheOrder() throws Exception {
        CliRun run = serve(pki.leaf("good.test").build(), List.of(pki.root, pki.intermediate));

        assertThat(codes(run)).containsExactly("chain.root-sent", "chain.out-of-order");
        assertThat(target(run).get("status").asText()).isEqualTo("WARN");
        assertThat(target(run).get("findings").get(1).get("message").asText())
                .contains("as CN=good.test -> CN=Test Root CA,O=Test Corp -> CN=Test Issuing CA,O=Test Corp")
                .contains("followed by its issuer");
    }

    @Test
    void duplicateAndUnusedCertificatesAreWarnings() throws Exception {
        HeldCertificate stranger = TestPki.otherRoot(pki.now);
        CliRun run = serve(pki.leaf("good.test").build(), List.of(pki.intermediate, pki.intermediate, stranger));

        assertThat(codes(run)).containsExactlyInAnyOrder("chain.duplicate", "chain.unused");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void expiredExtraCertificateIsAHygieneWarningNotAFailure() throws Exception {
        HeldCertificate oldIntermediate = HeldCertificate.builder(pki.now).organization("Test Corp")
                .commonName("Old Issuing CA").certificateAuthority(0)
                .validFor(Duration.ofDays(-800), Duration.ofDays(365)).signedBy(pki.root).build();
        CliRun run = serve(pki.leaf("good.test").build(), List.of(pki.intermediate, oldIntermediate));

        assertThat(codes(run)).containsExactly("chain.unused-expired");
        assertThat(target(run).get("status").asText()).isEqualTo("WARN");
    }

    @Test
    void missingIntermediateIsNamedFromTheCaIssuersUrlButStillFails() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        byte[] der = pki.intermediate.certificate().getEncoded();
        http.createContext("/issuing.crt", exchange -> {
            exchange.sendResponseHeaders(200, der.length);
            exchange.getResponseBody().write(der);
            exchange.close();
        });
        http.start();
        try {
            String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/issuing.crt";
            CliRun run = serve(pki.leaf("good.test").caIssuersUrl(url).build(), List.of());

            JsonNode finding = target(run).get("findings").get(0);
            assertThat(finding.get("code").asText()).isEqualTo("chain.incomplete");
            assertThat(finding.get("message").asText()).contains(url)
                    .contains("serves the missing certificate O=Test Corp,CN=Test Issuing CA".replace(
                            "O=Test Corp,CN=Test Issuing CA", "CN=Test Issuing CA,O=Test Corp"));
            assertThat(run.exitCode()).isEqualTo(1);
        } finally {
            http.stop(0);
        }
    }
}
