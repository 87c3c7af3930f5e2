package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.certcheck.testing.CliProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** An interrupted run leaves no debris (issue 14, item 12): SIGTERM or SIGINT delete the temporary report. */
class InterruptedRunCliTest {
    @TempDir
    Path reports;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalDuringTheRunRemovesTheTemporaryReportFile(String signal) throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Process process = new ProcessBuilder(CliProcess.command("--revocation", "off", "--handshake-timeout",
                    "60s", "-o", "json=" + reports.resolve("certs.json"), "127.0.0.1:" + silent.getLocalPort()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (ReportPathsCliTest.temporaries(reports).isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(ReportPathsCliTest.temporaries(reports)).as("the run has started its report").hasSize(1);

            kill(signal, process.pid());

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ReportPathsCliTest.temporaries(reports)).isEmpty();
            assertThat(reports.resolve("certs.json")).doesNotExist();
        }
    }

    private static void kill(String signal, long pid) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    }
}
