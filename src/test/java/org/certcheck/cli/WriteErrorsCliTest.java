package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.certcheck.net.Resolver;
import org.certcheck.testing.CliProcess;
import org.certcheck.testing.SmallFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Write errors are errors (issue 14, item 7): a report that could not be written never exits 0. */
class WriteErrorsCliTest {
    @TempDir
    static Path temp;

    private static SmallFleet fleet;

    @BeforeAll
    static void startFleet() throws IOException {
        fleet = SmallFleet.start(temp);
    }

    @AfterAll
    static void stopFleet() throws IOException {
        fleet.close();
    }

    @Test
    void stdoutThatCannotBeWrittenGivesOneLineOnStderrAndExit2() {
        List<String> args = new ArrayList<>(List.of("--revocation", "off", "--ca", fleet.caFile.toString(),
                "-o", "json", fleet.good));
        CommandLine commandLine = Main.commandLine(Clock.fixed(fleet.now, ZoneOffset.UTC), Resolver.SYSTEM,
                Map.of("NO_COLOR", "1"), java.io.InputStream.nullInputStream(), args.toArray(String[]::new));
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(new FullDisk()));
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute(args.toArray(String[]::new));

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("certcheck: " + StandardOutput.FAILED + "\n");
    }

    @Test
    void aReportSentToDevFullExits2WithAMessage() throws Exception {
        Process process = new ProcessBuilder(CliProcess.command("--revocation", "off", "--ca",
                fleet.caFile.toString(), "-o", "json", "127.0.0.1:" + fleet.good.split(":")[1]))
                .redirectOutput(new File("/dev/full")).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(err).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains(StandardOutput.FAILED).doesNotContain("Exception");
    }

    @Test
    void aReportFileOnAFullDeviceExits2NamingIt() throws Exception {
        Process process = new ProcessBuilder(CliProcess.command("--revocation", "off", "--ca",
                fleet.caFile.toString(), "-o", "json=/dev/full", "127.0.0.1:" + fleet.good.split(":")[1]))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(err).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("cannot write the json report to /dev/full", "No space left on device");
        assertThat(new File("/dev/full").isFile()).isFalse();
    }

    /** A writer on a disk that has no room left. */
    private static final class FullDisk extends Writer {
        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void flush() throws IOException {
        }

        @Override
        public void close() {
        }
    }
}
