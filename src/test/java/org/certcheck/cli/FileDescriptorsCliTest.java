package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certcheck.testing.CliProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fewer file descriptors than --concurrency needs (issue 14, item 13): certcheck, run with
 * {@code ulimit -n 128}, checks 150 targets at a lower concurrency and says so once, instead of
 * turning targets UNKNOWN with "Too many open files".
 */
class FileDescriptorsCliTest {
    private static final int TARGETS = 150;

    @TempDir
    Path temp;

    @Test
    void aLowUlimitLowersTheConcurrencyInsteadOfFailingTargets() throws Exception {
        // A server that accepts and stays silent: every probe holds its socket until the handshake
        // timeout, so all the targets the run allows are open at once.
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 500, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        Socket socket = silent.accept();
                        synchronized (held) {
                            held.add(socket);
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            List<String> lines = new ArrayList<>();
            for (int i = 1; i <= TARGETS; i++) {
                lines.add("n" + i + ".test@127.0.0.1:" + silent.getLocalPort());
            }
            Path hosts = Files.write(temp.resolve("hosts.txt"), lines);

            Process process = new ProcessBuilder(CliProcess.inShell("ulimit -n 128", "--revocation", "off",
                    "--concurrency", "200", "--handshake-timeout", "1s", "-o", "json", hosts.toString()))
                    .redirectError(temp.resolve("err.txt").toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(temp.resolve("err.txt"));

            assertThat(process.exitValue()).as(err).isEqualTo(ExitCode.UNCHECKED);
            assertThat(err).containsOnlyOnce("targets at a time instead of --concurrency 200")
                    .contains("ulimit -n 128");
            JsonNode report = new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
            assertThat(report.get("targets")).hasSize(TARGETS);
            assertThat(report.findValuesAsText("message")).isNotEmpty()
                    .allSatisfy(message -> assertThat(message).doesNotContainIgnoringCase("too many open files")
                            .contains("handshake"));
        } finally {
            synchronized (held) {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }
}
