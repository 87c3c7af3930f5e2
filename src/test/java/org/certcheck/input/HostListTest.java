package org.certcheck.input;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostListTest {
    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        return Files.write(dir.resolve("hosts.txt"), content.getBytes(UTF_8));
    }

    @Test
    void fileLinesBecomeEntriesWithFileAndLineNumberOrigins() throws IOException {
        Path file = write("""
                # production web servers

                web
                mail:8443   # the mail gateway
                https://[2001:db8::1]:8443/
                """);

        List<HostListEntry> entries = HostList.read(file);

        assertThat(entries).containsExactly(
                new Target("web", 443, file + ":3"),
                new Target("mail", 8443, file + ":4"),
                new Target("2001:db8::1", 8443, file + ":5"));
    }

    @Test
    void portAbove65535IsReportedWithLineNumber() throws IOException {
        Path file = write("web\n\nweb:99999\nmail\n");

        List<HostListEntry> entries = HostList.read(file);

        assertThat(entries).hasSize(3);
        assertThat(entries.get(1)).isInstanceOfSatisfying(InputProblem.class, problem ->
                assertThat(problem.message()).isEqualTo(file + ":3: \"web:99999\": port out of range (1-65535)"));
        assertThat(entries.get(2)).isEqualTo(new Target("mail", 443, file + ":4"));
    }

    @Test
    void crLfAndLoneCrLineEndingsAreCountedLikeLf() throws IOException {
        Path file = write("web\r\n\r\nmail\rftp:990");

        assertThat(HostList.read(file)).extracting(HostListEntry::origin)
                .containsExactly(file + ":1", file + ":3", file + ":4");
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstLine() throws IOException {
        Path file = write("\uFEFFweb\n");

        assertThat(HostList.read(file)).containsExactly(new Target("web", 443, file + ":1"));
    }

    @Test
    void emptyFileGivesNoEntries() throws IOException {
        assertThat(HostList.read(write(""))).isEmpty();
    }

    @Test
    void fileWithOnlyCommentsAndBlankLinesGivesNoEntries() throws IOException {
        assertThat(HostList.read(write("# nothing yet\n\n   \n  # todo\n"))).isEmpty();
    }

    @Test
    void overlongLineIsAProblemWithItsLineNumber() throws IOException {
        Path file = write("web\n" + "x".repeat(10_000) + "\nmail\n");

        List<HostListEntry> entries = HostList.read(file);

        assertThat(entries).hasSize(3);
        assertThat(entries.get(1)).isInstanceOfSatisfying(InputProblem.class, problem -> {
            assertThat(problem.origin()).isEqualTo(file + ":2");
            assertThat(problem.reason()).isEqualTo("line too long (10000 characters, limit 4096)");
        });
    }

    @Test
    void missingFileIsReportedByName() {
        Path missing = dir.resolve("hosts.txt");

        assertThatThrownBy(() -> HostList.read(missing))
                .isInstanceOf(HostFileException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void relativeFileNameIsKeptAsGiven() {
        Path missing = Path.of("no-such-dir", "hosts.txt");

        assertThatThrownBy(() -> HostList.read(missing))
                .hasMessage(missing + ": no such file")
                .hasMessageStartingWith("no-such-dir");
    }

    @Test
    void directoryIsRejected() {
        assertThatThrownBy(() -> HostList.read(dir))
                .isInstanceOf(HostFileException.class)
                .hasMessage(dir + ": is a directory, not a host list");
    }

    @Test
    void unreadableFileIsRejected() throws IOException {
        Path file = write("web\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            assumeFalse(true, "no POSIX permissions on this file system");
        }
        assumeFalse(Files.isReadable(file), "running as a user who can read anything (root?)");

        assertThatThrownBy(() -> HostList.read(file))
                .isInstanceOf(HostFileException.class)
                .hasMessage(file + ": cannot be read (permission denied)");
    }

    @Test
    void fileWithNulBytesIsNotText() throws IOException {
        Path file = Files.write(dir.resolve("hosts.bin"), new byte[] {'w', 'e', 'b', '\n', 0, 1, 2, '\n'});

        assertThatThrownBy(() -> HostList.read(file))
                .isInstanceOf(HostFileException.class)
                .hasMessage(file + ": not a text file (NUL byte at line 2)");
    }

    @Test
    void invalidUtf8IsNotTextAndNamesTheLine() throws IOException {
        byte[] latin1 = "web\nmail\nbücher.example\n".getBytes(ISO_8859_1);
        Path file = Files.write(dir.resolve("hosts.txt"), latin1);

        assertThatThrownBy(() -> HostList.read(file))
                .isInstanceOf(HostFileException.class)
                .hasMessage(file + ": not a text file (invalid UTF-8 at line 3)");
    }

    @Test
    void readerIsReadLikeAFileWithItsNameInOrigins() {
        Reader stdin = new StringReader("# piped in\nweb\nweb:0\n");

        List<HostListEntry> entries = HostList.read(stdin, "stdin");

        assertThat(entries).containsExactly(
                new Target("web", 443, "stdin:2"),
                new InputProblem("stdin:3", "web:0", "port out of range (1-65535)"));
    }

    @Test
    void emptyReaderGivesNoEntries() {
        assertThat(HostList.read(new StringReader(""), "stdin")).isEmpty();
    }

    @Test
    void readerWithNulIsNotText() {
        assertThatThrownBy(() -> HostList.read(new StringReader("web\n\0\0"), "stdin"))
                .isInstanceOf(HostFileException.class)
                .hasMessage("stdin: not a text file (NUL byte at line 2)");
    }

    @Test
    void strictDecoderFailureInReaderIsNotText() {
        byte[] bytes = "web\nmail\n\u00ff\n".getBytes(ISO_8859_1);
        Reader strict = new InputStreamReader(new ByteArrayInputStream(bytes), UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT));

        assertThatThrownBy(() -> HostList.read(strict, "stdin"))
                .isInstanceOf(HostFileException.class)
                .hasMessage("stdin: not a text file (invalid UTF-8)");
    }

    @Test
    void invalidUtf8OnInputStreamNamesTheLine() {
        InputStream stdin = new ByteArrayInputStream("web\r\nmail\r\n\u00ff\r\n".getBytes(ISO_8859_1));

        assertThatThrownBy(() -> HostList.read(stdin, "stdin"))
                .isInstanceOf(HostFileException.class)
                .hasMessage("stdin: not a text file (invalid UTF-8 at line 3)");
    }

    @Test
    void replacementCharacterFromLenientDecoderIsNotText() {
        byte[] bytes = "web\n\u00ff\n".getBytes(ISO_8859_1);
        Reader lenient = new InputStreamReader(new ByteArrayInputStream(bytes), UTF_8);

        assertThatThrownBy(() -> HostList.read(lenient, "stdin"))
                .isInstanceOf(HostFileException.class)
                .hasMessageStartingWith("stdin: not a text file (replacement character U+FFFD at line 2");
    }

    @Test
    void inputStreamIsDecodedStrictly() {
        InputStream stdin = new ByteArrayInputStream("web\n[::1]:8443\n".getBytes(UTF_8));

        assertThat(HostList.read(stdin, "stdin")).containsExactly(
                new Target("web", 443, "stdin:1"),
                new Target("::1", 8443, "stdin:2"));
    }

    @Test
    void endlessInputEndsWithAMessageNotOutOfMemory() {
        InputStream zeros = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                Arrays.fill(buffer, offset, offset + length, (byte) 0);
                return length;
            }
        };

        assertThatThrownBy(() -> HostList.read(zeros, "stdin"))
                .isInstanceOf(HostFileException.class)
                .hasMessage("stdin: too large for a host list (more than 16 MiB)");
    }

    @Test
    void argumentIsParsedWithArgumentOrigin() {
        assertThat(HostList.parseArgument("https://Web:8443/", 2)).isEqualTo(new Target("web", 8443, "argument 2"));
        assertThat(HostList.parseArgument("web:99999", 1))
                .isEqualTo(new InputProblem("argument 1", "web:99999", "port out of range (1-65535)"));
    }

    @Test
    void blankArgumentIsAProblem() {
        assertThat(HostList.parseArgument("  ", 3)).isEqualTo(new InputProblem("argument 3", "", "empty target"));
    }

    @Test
    void duplicatesAfterNormalisationKeepTheFirstOccurrence() {
        List<HostListEntry> entries = List.of(
                HostList.parseArgument("web", 1),
                HostList.parseArgument("WEB.", 2),
                HostList.parseArgument("https://web/", 3),
                HostList.parseArgument("web:443", 4),
                HostList.parseArgument("web:8443", 5),
                HostList.parseArgument("[::1]", 6),
                HostList.parseArgument("[0:0:0:0:0:0:0:1]:443", 7),
                HostList.parseArgument("::1", 8));

        assertThat(HostList.withoutDuplicates(entries)).containsExactly(
                new Target("web", 443, "argument 1"),
                new Target("web", 8443, "argument 5"),
                new Target("::1", 443, "argument 6"));
    }

    @Test
    void everyProblemIsKeptInOrderEvenWhenRepeated() {
        List<HostListEntry> entries = List.of(
                HostList.parseArgument("web:0", 1),
                HostList.parseArgument("web", 2),
                HostList.parseArgument("web:0", 3),
                HostList.parseArgument("web", 4),
                HostList.parseArgument("mail", 5));

        assertThat(HostList.withoutDuplicates(entries)).extracting(HostListEntry::origin)
                .containsExactly("argument 1", "argument 2", "argument 3", "argument 5");
    }
}
