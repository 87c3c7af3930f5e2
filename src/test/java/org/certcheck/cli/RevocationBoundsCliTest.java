package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.RawServer;
import org.certcheck.testing.RevocationPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Revocation cannot be made to take forever or to eat the heap (issue 14 item 10): a certificate
 * naming dozens of silent and endlessly streaming CRL servers (all on loopback) costs its target
 * the revocation deadline, and a healthy target checked alongside stays healthy.
 */
class RevocationBoundsCliTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private RevocationPki pki;
    private Path rootPem;
    private final List<AutoCloseable> servers = new ArrayList<>();

    @TempDir
    Path temp;

    @BeforeEach
    void start() throws Exception {
        pki = new RevocationPki(NOW);
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
        pki.close();
    }

    private String serve(HeldCertificate leaf) throws Exception {
        return pki.serve(leaf, "good.test");
    }

    /** Answers 200 and then a CRL-looking body a kilobyte at a time, never ending. */
    private RawServer streaming() throws Exception {
        RawServer server = new RawServer(connection -> {
            connection.getInputStream().read(new byte[4096]);
            OutputStream out = connection.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/pkix-crl\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024];
            while (true) {
                out.write(chunk);
                out.flush();
                Thread.sleep(20);
            }
        });
        servers.add(server);
        return server;
    }

    /** Accepts and never says a word. */
    private RawServer silent() throws Exception {
        RawServer server = new RawServer(connection -> Thread.sleep(60_000));
        servers.add(server);
        return server;
    }

    @Test
    void manySilentAndStreamingCrlServersCostOneTargetItsDeadlineAndNoMore() throws Exception {
        RawServer silent = silent();
        RawServer streaming = streaming();
        HeldCertificate.Builder hostile = pki.leaf("good.test");
        for (int i = 0; i < 150; i++) {
            hostile.crlDistributionPoint("http://127.0.0.1:" + silent.port() + "/silent-" + i + ".crl");
            hostile.crlDistributionPoint("http://127.0.0.1:" + streaming.port() + "/endless-" + i + ".crl");
        }
        String attacked = serve(hostile.build());
        String healthy = serve(pki.leafWithOcsp("good.test").build());

        long start = System.nanoTime();
        CliRun run = CliRun.run(Clock.fixed(NOW, ZoneOffset.UTC), Resolver.SYSTEM, "--ca", rootPem.toString(),
                "--fetch-allow", "127.0.0.1", "--revocation-timeout", "1s", "--revocation-deadline", "3s",
                "-o", "json", attacked, healthy);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("deadline 3 s + one 1 s fetch, with slack").isLessThan(Duration.ofSeconds(9));
        JsonNode result = run.target(attacked);
        assertThat(result.get("status").asText()).as(run.out()).isEqualTo("WARN");
        assertThat(result.get("findings").findValuesAsText("code")).contains("revocation.unknown");
        List<String> problems = new ArrayList<>();
        result.get("revocation").get("certificates").get(0).get("problems").forEach(p -> problems.add(p.asText()));
        assertThat(problems.size()).as(problems.toString()).isBetween(2, 8);
        assertThat(problems.get(problems.size() - 1)).matches("CRL http://127\\.0\\.0\\.1:\\d+/\\S+: not tried, nor"
                + " \\d+ more sources after it: the target's revocation deadline of 3 s \\(--revocation-deadline\\)"
                + " had passed");
        assertThat(result.get("findings").findValuesAsText("message").toString()).contains("not tried");
        assertThat(run.target(healthy).get("status").asText()).isEqualTo("PASS");
        assertThat(run.exitCode()).isZero();
    }
}
