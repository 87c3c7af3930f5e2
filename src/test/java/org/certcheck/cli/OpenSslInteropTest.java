package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.OpenSslServer;
import org.certcheck.testing.TestPki;
import org.certcheck.tls.Resolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * certcheck against a TLS stack that is not the JDK's: a real {@code openssl s_server} child
 * process per test, serving a chain this test mints, checked through the real command line. CI
 * ({@code .ci/run}) installs OpenSSL, so there these tests run; elsewhere they are skipped
 * without it.
 */
class OpenSslInteropTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String ROOT = "CN=Test Root CA,O=Test Corp";

    @TempDir
    static Path temp;

    private static TestPki pki;
    private static Path rootPem;

    @BeforeAll
    static void trustTheTestRoot() throws Exception {
        pki = new TestPki(NOW);
        rootPem = Files.writeString(temp.resolve("corp-root.pem"), pki.root.certificatePem());
    }

    /** Per test, not per class: Surefire counts a skipped class as no tests at all, a skipped test as skipped. */
    @BeforeEach
    void requireOpenSsl() {
        assumeTrue(OpenSslServer.executable().isPresent(),
                "openssl not installed: no executable 'openssl' on PATH=" + System.getenv("PATH"));
    }

    @Test
    void leafWithIntermediatePassesAndNamesTheAnchor() throws Exception {
        try (OpenSslServer server = OpenSslServer.serve(temp, pki.leaf("good.test").build(),
                List.of(pki.intermediate))) {
            CliRun run = check(server);
            JsonNode target = run.target("good.test:" + server.port());

            assertThat(target.get("status").asText()).as(run.out()).isEqualTo("PASS");
            assertThat(target.get("findings")).as(run.out()).isEmpty();
            assertThat(target.get("anchor").asText()).isEqualTo(ROOT);
            assertThat(target.get("chain")).hasSize(2);
            assertThat(texts(target.get("path")))
                    .containsExactly("CN=good.test", "CN=Test Issuing CA,O=Test Corp", ROOT);
            assertThat(target.get("connection").get("protocol").asText()).isEqualTo("TLSv1.3");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    @Test
    void leafWithoutItsIntermediateIsAnIncompleteChain() throws Exception {
        try (OpenSslServer server = OpenSslServer.serve(temp, pki.leaf("good.test").build(), List.of())) {
            CliRun run = check(server);
            JsonNode target = run.target("good.test:" + server.port());

            assertThat(target.get("status").asText()).as(run.out()).isEqualTo("FAIL");
            assertThat(target.get("findings").findValuesAsText("code")).containsExactly("chain.incomplete");
            assertThat(target.get("chain")).as("openssl sent only the leaf").hasSize(1);
            assertThat(target.has("anchor")).isFalse();
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        }
    }

    @Test
    void certificateForAnotherNameIsAHostMismatch() throws Exception {
        try (OpenSslServer server = OpenSslServer.serve(temp, pki.leaf("wrong.test").build(),
                List.of(pki.intermediate))) {
            CliRun run = check(server);
            JsonNode target = run.target("good.test:" + server.port());

            assertThat(target.get("status").asText()).as(run.out()).isEqualTo("FAIL");
            assertThat(target.get("findings").findValuesAsText("code")).containsExactly("host.mismatch");
            assertThat(target.get("findings").get(0).get("message").asText()).contains("good.test", "DNS:wrong.test");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        }
    }

    @Test
    void rsaLeafOverTls12OnlyPassesAndReportsTls12() throws Exception {
        HeldCertificate rsaLeaf = pki.leaf("good.test").rsa(2048).build();
        try (OpenSslServer server = OpenSslServer.serve(temp, rsaLeaf, List.of(pki.intermediate), "-tls1_2")) {
            CliRun run = check(server);
            JsonNode target = run.target("good.test:" + server.port());

            assertThat(target.get("status").asText()).as(run.out()).isEqualTo("PASS");
            assertThat(target.get("connection").get("protocol").asText()).isEqualTo("TLSv1.2");
            assertThat(target.get("certificate").get("keyType").asText()).isEqualTo("RSA");
            assertThat(target.get("certificate").get("keySize").asInt()).isEqualTo(2048);
            assertThat(target.get("anchor").asText()).isEqualTo(ROOT);
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    /** Revocation is off here: these tests are about the TLS stack; OpenSslRevocationInteropTest covers OCSP. */
    private static CliRun check(OpenSslServer server) {
        CliRun run = CliRun.run(Clock.fixed(NOW, ZoneOffset.UTC), Resolver.SYSTEM,
                "--ca", rootPem.toString(), "--output", "json", "--revocation", "off", "good.test:" + server.port());
        assertThat(run.json().get("targets")).as("one row\n%s\nopenssl said:\n%s", run.out(), server.output())
                .hasSize(1);
        return run;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
