package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.OpenSslServer;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * Every key exchange group and server key type a handshake can use, with Bouncy Castle's curve
     * arithmetic doing the client's part (CurveProvider, first in the test JVM as in the command
     * line's): a wrong key share, shared secret or signature check would end the handshake with an
     * alert instead of a PASS.
     */
    @ParameterizedTest(name = "{0} over {1} with a {2} server key")
    @CsvSource({
            "X25519, -tls1_3, P-256", "P-256, -tls1_3, P-256", "P-384, -tls1_3, P-384", "P-521, -tls1_3, P-521",
            "X448, -tls1_3, Ed25519", "X25519, -tls1_3, RSA",
            "X25519, -tls1_2, P-256", "P-256, -tls1_2, P-256", "P-384, -tls1_2, RSA", "P-521, -tls1_2, P-384"})
    void everyKeyExchangeGroupAndServerKeyCompletesTheHandshake(String group, String protocol, String serverKey)
            throws Exception {
        try (OpenSslServer server = OpenSslServer.serve(temp, leafWith(serverKey), List.of(pki.intermediate),
                protocol, "-groups", group)) {
            CliRun run = check(server);
            JsonNode target = run.target("good.test:" + server.port());

            assertThat(target.get("status").asText()).as("%s\nopenssl said:\n%s", run.out(), server.output())
                    .isEqualTo("PASS");
            assertThat(target.get("connection").get("protocol").asText())
                    .isEqualTo(protocol.equals("-tls1_3") ? "TLSv1.3" : "TLSv1.2");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    private static HeldCertificate leafWith(String keyType) throws Exception {
        HeldCertificate.Builder leaf = pki.leaf("good.test");
        return switch (keyType) {
            case "P-256" -> leaf.ec(256).build();
            case "P-384" -> leaf.ec(384).build();
            case "P-521" -> leaf.ec(521).build();
            case "RSA" -> leaf.rsa(2048).build();
            case "Ed25519" -> leaf.keyPair(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()).build();
            default -> throw new IllegalArgumentException(keyType);
        };
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
