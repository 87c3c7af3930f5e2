package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.certcheck.testing.CliRun;
import org.certcheck.testing.RawServer;
import org.certcheck.testing.TestPki;
import org.certcheck.testing.TlsBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 14 item 11: {@code --handshake-timeout} bounds the whole handshake of a target, the
 * legacy-protocol fallback included. A hang check with generous slack, not a benchmark.
 */
class HandshakeBudgetCliTest {
    private static final long TIMEOUT_MILLIS = 3000;

    @TempDir
    Path temp;

    /** The first ClientHello of a JVM costs a second of class loading that the timeout does not count. */
    private static void warmUpTheJvmsTls() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        SSLEngine engine = context.createSSLEngine("good.test", 443);
        engine.setUseClientMode(true);
        engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
    }

    /**
     * Keeps the JVM's ClientHello waiting for 90 % of the timeout and then hangs up (which sends
     * certcheck to its legacy fallback), and keeps the legacy ClientHello waiting for ever. Before
     * the fix the fallback got a fresh timeout: 1.9 times the timeout in all. The row's elapsed time
     * (connect to verdict) is asserted: the wall time of an in-process run also holds its start-up.
     */
    @Test
    void legacyFallbackGetsOnlyWhatTheFirstHandshakeLeft() throws Exception {
        Path root = Files.writeString(temp.resolve("root.pem"), new TestPki().root.certificatePem());
        warmUpTheJvmsTls();
        try (RawServer server = new RawServer(connection -> {
            byte[] hello = TlsBytes.readClientHello(connection.getInputStream());
            if (TlsBytes.offers(hello, 0x0005)) { // the legacy hello: stall until the client gives up
                connection.getInputStream().read();
            } else {
                Thread.sleep(TIMEOUT_MILLIS * 9 / 10);
            }
        })) {
            String target = "good.test:" + server.port();

            CliRun run = CliRun.run("--ca", root.toString(), "-o", "json", "--connect-timeout", "2s",
                    "--handshake-timeout", TIMEOUT_MILLIS + "ms", target);

            JsonNode row = run.target(target);
            assertThat(row.get("status").asText()).isEqualTo("UNKNOWN");
            assertThat(row.get("findings").findValuesAsText("code")).containsExactly("probe.closed");
            assertThat(row.get("elapsedMs").asLong()).isLessThan(TIMEOUT_MILLIS * 3 / 2);
            assertThat(run.exitCode()).isEqualTo(ExitCode.UNCHECKED);
        }
    }
}
