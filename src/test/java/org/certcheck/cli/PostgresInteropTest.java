package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.certcheck.testing.CliRun;
import org.certcheck.testing.PostgresServer;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * STARTTLS against a real server: PostgreSQL from Debian's {@code postgresql} package, started on
 * 127.0.0.1 with {@code ssl = on} and a minted certificate. CI ({@code .ci/run}, {@code CI=true})
 * installs the package, so there this test must run; elsewhere it is skipped without it.
 */
class PostgresInteropTest {
    private static final TestPki PKI = new TestPki();
    private static PostgresServer server;
    private static Path rootPem;

    @TempDir
    static Path temp;

    @BeforeAll
    static void startPostgres() throws Exception {
        boolean installed = PostgresServer.binaries().isPresent();
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install the postgresql package (see .ci/run)");
        }
        assumeTrue(installed, "PostgreSQL not installed (Debian package postgresql): the real-server STARTTLS test"
                + " is skipped");
        rootPem = Files.writeString(temp.resolve("root.pem"), PKI.root.certificatePem());
        server = PostgresServer.start(PKI.leaf("good.test").build(), List.of(PKI.intermediate));
    }

    @AfterAll
    static void stopPostgres() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sslRequestReachesTheCertificateOfARealPostgresql() {
        CliRun run = CliRun.run("--ca", rootPem.toString(), "-o", "json", "--handshake-timeout", "20s",
                "postgres://good.test:" + server.port());
        JsonNode target = run.target("postgres://good.test:" + server.port());

        assertThat(target.get("status").asText()).as(run.out()).isEqualTo("PASS");
        assertThat(target.get("chain")).hasSize(2);
        assertThat(target.get("anchor").asText()).isEqualTo("CN=Test Root CA,O=Test Corp");
        assertThat(target.get("connection").get("protocol").asText()).startsWith("TLSv1.");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void directTlsToThePostgresqlPortIsNotMistakenForACertificate() {
        CliRun run = CliRun.run("--ca", rootPem.toString(), "-o", "json", "--handshake-timeout", "5s",
                "good.test:" + server.port());
        JsonNode target = run.target("good.test:" + server.port());

        assertThat(target.get("status").asText()).as(run.out()).isEqualTo("UNKNOWN");
        assertThat(run.exitCode()).isEqualTo(3);
    }
}
