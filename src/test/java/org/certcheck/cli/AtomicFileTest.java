package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader of the report's path sees the old report or the new one, never a part of the new one. */
class AtomicFileTest {
    @TempDir
    Path directory;

    @Test
    void whileTheReportIsWrittenTheOldOneStaysInPlaceThenTheNewOneReplacesItWhole() throws IOException {
        Path report = Files.writeString(directory.resolve("certcheck.prom"), "old\n");

        try (AtomicFile file = AtomicFile.create(report)) {
            file.writer().write("new, first half\n");
            file.writer().flush();
            assertThat(Files.readString(report)).isEqualTo("old\n");
            assertThat(hiddenTemporaries()).hasSize(1);

            file.writer().write("new, second half\n");
            file.commit();
        }

        assertThat(Files.readString(report)).isEqualTo("new, first half\nnew, second half\n");
        assertThat(hiddenTemporaries()).isEmpty();
    }

    @Test
    void anAbandonedReportLeavesTheOldOneAndNoTemporaryFile() throws IOException {
        Path report = Files.writeString(directory.resolve("certcheck.xml"), "old\n");

        try (AtomicFile file = AtomicFile.create(report)) {
            file.writer().write("half of a new report");
        }

        assertThat(Files.readString(report)).isEqualTo("old\n");
        assertThat(hiddenTemporaries()).isEmpty();
    }

    @Test
    void theTemporaryFileIsInTheSameDirectorySoTheRenameCannotCrossFileSystems() throws IOException {
        try (AtomicFile file = AtomicFile.create(directory.resolve("report.json"))) {
            assertThat(hiddenTemporaries()).singleElement()
                    .satisfies(temporary -> assertThat(temporary.getParent()).isEqualTo(directory.toAbsolutePath()))
                    .satisfies(temporary -> assertThat(temporary.getFileName().toString()).startsWith(".report.json."));
        }
    }

    @Test
    void aDirectoryOrAMissingParentIsRefusedWithTheReason() {
        assertThatThrownBy(() -> AtomicFile.create(directory)).hasMessageContaining("it is a directory");
        assertThatThrownBy(() -> AtomicFile.create(directory.resolve("missing/report.csv")))
                .hasMessageContaining("does not exist");
    }

    private List<Path> hiddenTemporaries() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".tmp"))
                    .map(Path::toAbsolutePath).toList();
        }
    }
}
