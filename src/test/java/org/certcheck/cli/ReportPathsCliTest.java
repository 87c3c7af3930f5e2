package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.certcheck.testing.CliRun;
import org.certcheck.testing.SmallFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writing a report never destroys what is at its path (issue 14, item 1): a device or a FIFO is
 * written straight through, a symbolic link stays a link, a directory is a usage error; and no
 * temporary file is left behind (item 12).
 */
class ReportPathsCliTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path temp;
    @TempDir
    Path reports;

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
    void aCharacterDeviceSuchAsDevNullIsWrittenThroughNotReplaced() throws Exception {
        // A private /dev/null (char 1,3) in the test's own directory: as root, the real one would
        // be at stake if this test failed.
        Path nullDevice = reports.resolve("null");
        assumeTrue(run("mknod", nullDevice.toString(), "c", "1", "3") == 0, "mknod needs root");

        CliRun run = fleet.run("-o", "json=" + nullDevice);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(attributes(nullDevice).isOther()).as("still a device").isTrue();
        assertThat(temporaries(reports)).isEmpty();
    }

    @Test
    void aFifoIsWrittenThroughToItsReader() throws Exception {
        Path fifo = reports.resolve("report.fifo");
        assumeTrue(run("mkfifo", fifo.toString()) == 0, "mkfifo");
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        CliRun run = fleet.run("-o", "json=" + fifo);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(MAPPER.readTree(reader.get(30, TimeUnit.SECONDS)).get("targets")).hasSize(4);
        assertThat(attributes(fifo).isOther()).as("still a FIFO").isTrue();
    }

    @Test
    void aSymbolicLinkStaysALinkAndTheFileItPointsToIsReplaced() throws Exception {
        Path elsewhere = Files.createDirectories(reports.resolve("published"));
        Path real = Files.writeString(elsewhere.resolve("certs.json"), "yesterday\n");
        Path link = Files.createSymbolicLink(reports.resolve("certs.json"), Path.of("published/certs.json"));

        CliRun run = fleet.run("-o", "json=" + link);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(Files.isSymbolicLink(link)).as("still a link").isTrue();
        assertThat(MAPPER.readTree(real.toFile()).get("targets")).hasSize(4);
        assertThat(temporaries(reports)).isEmpty();
        assertThat(temporaries(elsewhere)).isEmpty();
    }

    @Test
    void aDanglingLinkCreatesTheFileItNames() throws Exception {
        Path link = Files.createSymbolicLink(reports.resolve("latest.json"), Path.of("archive.json"));

        CliRun run = fleet.run("-o", "json=" + link);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(MAPPER.readTree(reports.resolve("archive.json").toFile()).get("targets")).hasSize(4);
    }

    @Test
    void aDirectoryIsAUsageErrorNamingThePath() {
        CliRun run = fleet.run("-o", "json=" + reports);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(reports.toString(), "is a directory");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void staleTemporaryFilesOfTheSameReportAreRemovedAndFreshOnesKept() throws Exception {
        Path stale = Files.writeString(reports.resolve(".certs.json.0123456789ab.tmp"), "killed run");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
        Path fresh = Files.writeString(reports.resolve(".certs.json.ba9876543210.tmp"), "a run writing now");
        Path notOurs = Files.writeString(reports.resolve(".other.json.0123456789ab.tmp"), "another report");
        Files.setLastModifiedTime(notOurs, FileTime.from(Instant.now().minusSeconds(3600)));

        CliRun run = fleet.run("-o", "json=" + reports.resolve("certs.json"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(notOurs).exists();
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    static List<Path> temporaries(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }
}
