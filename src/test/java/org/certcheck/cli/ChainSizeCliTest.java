package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.certcheck.demo.TlsServer;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 13 item 4: a chain far over Java's 32 KiB and OpenSSL's 100 KiB is still read (up to
 * --max-handshake-message, 256 KiB by default) and judged, with a warning naming its size.
 */
class ChainSizeCliTest {
    @TempDir
    Path temp;

    @Test
    void expiredLeafWithTenThousandNamesIsJudgedAndItsSizeNamed() throws Exception {
        TestPki pki = new TestPki();
        HeldCertificate.Builder builder = pki.leaf("good.test").validFor(Duration.ofDays(-100), Duration.ofDays(10));
        for (int i = 0; i < 10_000; i++) {
            builder.addSubjectAltName("host" + i + ".intranet.test");
        }
        HeldCertificate leaf = builder.build();
        assertThat(leaf.certificate().getEncoded().length).isGreaterThan(200 * 1024);
        Path root = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
        try (TlsServer server = TlsServer.start(InetAddress.getLoopbackAddress(),
                List.of(leaf.certificate(), pki.intermediate.certificate()), leaf.privateKey())) {
            String target = "good.test:" + server.port();

            CliRun run = CliRun.run("--ca", root.toString(), "-o", "json", "--revocation", "off", target);

            JsonNode row = run.target(target);
            assertThat(row.get("status").asText()).as(run.out()).isEqualTo("FAIL");
            assertThat(CliRun.engineNeutralCodes(row.get("findings"))).as(run.out())
                    .containsExactlyInAnyOrder("cert.expired", "tls.large-chain");
            assertThat(row.get("findings").findValuesAsText("message")).anySatisfy(message -> assertThat(message)
                    .contains("KiB) in 2 certificate(s)", "OpenSSL-based clients", "over 100 KiB"));
            assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        }
    }

    @Test
    void handshakeMessageLimitOutOfRangeIsAUsageError() {
        CliRun run = CliRun.run("--max-handshake-message", "1k", "good.test:443");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--max-handshake-message must be a size from 16k to 16m");
    }
}
