package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.testing.CliRun;
import org.certcheck.testing.SmallFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A host list inside the size limit cannot exhaust memory (issue 14, item 9): megabytes of bad
 * one-character lines give the first 100 problems as rows and one row counting the rest, and the
 * good lines of the same file are still checked.
 */
class LargeHostListCliTest {
    /** Bad lines of one file reported as rows of their own. */
    private static final int SHOWN = 100;

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
    void twoMillionBadLinesGiveAHundredRowsAndOneCountAndTheGoodLinesAreChecked() throws IOException {
        Path hosts = temp.resolve("hosts.txt");
        // 4 MiB: 2 million bad lines, enough to exhaust the heap with a row each (16 MiB, 8 million, were
        // measured by hand: 17 s of parsing, no more memory than the file's text).
        int badLines = (4 << 20) / 2 - 100;
        try (OutputStream out = Files.newOutputStream(hosts)) {
            out.write((fleet.good + "\n").getBytes(StandardCharsets.US_ASCII));
            byte[] bad = "!\n".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int written = 0; written < badLines; written += 1 << 16) {
                out.write(bad, 0, Math.min(bad.length, (badLines - written) * 2));
            }
            out.write((fleet.expired + "\n").getBytes(StandardCharsets.US_ASCII));
        }

        CliRun run = fleet.runOn(List.of(hosts.toString()), "-o", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        List<JsonNode> unknown = new ArrayList<>();
        run.json().get("targets").forEach(row -> {
            if (row.get("status").asText().equals("UNKNOWN")) {
                unknown.add(row);
            }
        });
        assertThat(unknown).hasSize(SHOWN + 1);
        assertThat(unknown.get(SHOWN).get("findings").get(0).get("message").asText())
                .contains("hosts.txt:102: \"!\"", "and " + (badLines - SHOWN - 1)
                        + " more bad lines up to line " + (badLines + 2), "not shown one by one");
        assertThat(run.target(fleet.good).get("status").asText()).isEqualTo("PASS");
        assertThat(run.target(fleet.expired).get("status").asText()).isEqualTo("FAIL");
    }
}
