package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.certcheck.testing.CliRun;
import org.certcheck.testing.ConscryptServer;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 15 item 2, through the command line: in-process Conscrypt servers that accept only the
 * hybrid X25519MLKEM768, only classical groups, or both (Debian 12's OpenSSL 3.0 cannot serve
 * ML-KEM). The group, the engine and the fleet's share of post-quantum hosts reach JSON, table
 * {@code -v} and Prometheus; a classical server gets tls.no-post-quantum, which
 * {@code --require-post-quantum} turns into a failure.
 */
class PostQuantumCliTest {
    private static final List<String> HYBRID_ONLY = List.of("X25519MLKEM768");
    private static final List<String> CLASSICAL_ONLY = List.of("X25519", "P-256");
    private static final List<String> BOTH = List.of("X25519MLKEM768", "X25519", "P-256");

    @TempDir
    static Path temp;

    private static TestPki pki;
    private static Path rootPem;

    @BeforeAll
    static void pki() throws Exception {
        pki = new TestPki();
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
    }

    private static ConscryptServer server(List<String> groups) throws Exception {
        return ConscryptServer.start(groups, pki.leaf("good.test").build(), pki.intermediate);
    }

    private static CliRun check(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--ca";
        all[1] = rootPem.toString();
        all[2] = "--revocation";
        all[3] = "off";
        System.arraycopy(args, 0, all, 4, args.length);
        return CliRun.run(all);
    }

    @Test
    void hybridOnlyServerPassesWithItsGroupAndTheEngineInJson() throws Exception {
        try (ConscryptServer server = server(HYBRID_ONLY)) {
            String target = "good.test:" + server.port();

            CliRun run = check("--tls-engine", "conscrypt", "-o", "json", target);

            JsonNode row = run.target(target);
            assertThat(row.get("status").asText()).as(run.out()).isEqualTo("PASS");
            assertThat(row.get("findings").findValuesAsText("code")).isEmpty();
            assertThat(row.get("connection").get("keyExchange").asText()).isEqualTo("X25519MLKEM768");
            assertThat(row.get("connection").get("postQuantum").asBoolean()).isTrue();
            assertThat(row.get("connection").get("signatureFamily").asText()).isEqualTo("ECDSA");
            assertThat(row.get("connection").get("engine").asText()).isEqualTo("conscrypt");
            assertThat(run.json().get("postQuantum").get("summary").asText())
                    .isEqualTo("1 of 1 host uses a post-quantum key exchange");
            assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        }
    }

    @Test
    void serverWithBothGroupsAgreesOnTheHybridOfferedFirst() throws Exception {
        try (ConscryptServer server = server(BOTH)) {
            String target = "good.test:" + server.port();

            CliRun run = check("--tls-engine", "conscrypt", "-o", "json", target);

            assertThat(run.target(target).get("connection").get("keyExchange").asText()).isEqualTo("X25519MLKEM768");
            assertThat(run.target(target).get("findings").findValuesAsText("code")).isEmpty();
        }
    }

    @Test
    void classicalServerGetsAnInformationThatRequirePostQuantumTurnsIntoAFailure() throws Exception {
        try (ConscryptServer classical = server(CLASSICAL_ONLY); ConscryptServer hybrid = server(HYBRID_ONLY)) {
            String target = "good.test:" + classical.port();
            String other = "good.test:" + hybrid.port();

            CliRun informed = check("--tls-engine", "conscrypt", "-o", "json", target, other);
            CliRun required = check("--tls-engine", "conscrypt", "--require-post-quantum", "-o", "json", target, other);

            JsonNode row = informed.target(target);
            assertThat(row.get("status").asText()).isEqualTo("PASS");
            assertThat(row.get("connection").get("keyExchange").asText()).isEqualTo("x25519");
            assertThat(row.get("findings").findValuesAsText("code")).containsExactly("tls.no-post-quantum");
            assertThat(row.get("findings").get(0).get("severity").asText()).isEqualTo("INFO");
            assertThat(row.get("findings").get(0).get("message").asText())
                    .startsWith("offered X25519MLKEM768 first, the server chose x25519: ");
            assertThat(informed.json().get("postQuantum").get("summary").asText())
                    .isEqualTo("1 of 2 hosts use a post-quantum key exchange");
            assertThat(informed.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(required.target(target).get("status").asText()).isEqualTo("FAIL");
            assertThat(required.target(other).get("status").asText()).isEqualTo("PASS");
            assertThat(required.exitCode()).isEqualTo(ExitCode.FAILED);
        }
    }

    @Test
    void verboseTableShowsTheGroupTheSignatureFamilyTheEngineAndTheFleetLine() throws Exception {
        try (ConscryptServer server = server(HYBRID_ONLY)) {
            String target = "good.test:" + server.port();

            CliRun run = check("--tls-engine", "conscrypt", "-v", target);

            assertThat(run.out()).contains("    key exchange: X25519MLKEM768 (post-quantum)\n")
                    .contains("    sig family: ECDSA (classical)\n")
                    .contains("    engine:     conscrypt\n")
                    .contains("\n1 of 1 host uses a post-quantum key exchange\n");
        }
    }

    @Test
    void prometheusCarriesTheGroupAndTheCountOfPostQuantumHosts() throws Exception {
        try (ConscryptServer server = server(HYBRID_ONLY)) {
            String target = "good.test:" + server.port();

            CliRun run = check("--tls-engine", "conscrypt", "-o", "prometheus", target);

            assertThat(run.out()).contains("certcheck_target_key_exchange_info{target=\"" + target
                    + "\",group=\"X25519MLKEM768\",post_quantum=\"true\",engine=\"conscrypt\"} 1\n")
                    .contains("certcheck_post_quantum_hosts 1\n");
        }
    }

    @Test
    void jdkEngineCannotReachAHybridOnlyServerAndCannotJudgeTheRequirement() throws Exception {
        try (ConscryptServer server = server(HYBRID_ONLY)) {
            String target = "good.test:" + server.port();

            CliRun jdk = check("--tls-engine", "jdk", "-o", "json", target);
            CliRun required = check("--tls-engine", "jdk", "--require-post-quantum", target);

            assertThat(jdk.target(target).get("status").asText()).isEqualTo("UNKNOWN");
            assertThat(jdk.exitCode()).isEqualTo(ExitCode.UNCHECKED);
            assertThat(required.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(required.err()).contains("--require-post-quantum needs the conscrypt TLS engine");
        }
    }

    @Test
    void versionNamesTheEngine() {
        CliRun run = CliRun.run("--version");

        assertThat(run.out()).containsPattern("TLS engine: (conscrypt 2\\.7\\.0 \\(BoringSSL\\)|jdk \\(SunJSSE)");
    }

    @Test
    void unknownEngineIsAUsageError() {
        CliRun run = check("--tls-engine", "openssl", "good.test:443");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--tls-engine: unknown TLS engine \"openssl\"; expected auto, conscrypt or jdk");
    }
}
