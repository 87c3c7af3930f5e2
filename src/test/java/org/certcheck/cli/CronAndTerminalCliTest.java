package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.certcheck.testing.CliRun;
import org.certcheck.testing.SmallFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What cron mails and what a person at a terminal sees: --quiet, the summary line, --sort, the width. */
class CronAndTerminalCliTest {
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
    void tableEndsWithTheOneLineSummary() {
        CliRun run = fleet.run();

        assertThat(run.out().lines().toList()).last().isEqualTo("4 checked: 1 pass, 1 warn, 1 fail, 1 unknown");
    }

    @Test
    void quietPrintsNothingAtAllWhenEveryTargetPassed() {
        CliRun run = fleet.runOn(List.of(fleet.good), "--quiet");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void quietPrintsOnlyTheRowsThatDidNotPassThenTheSummary() {
        CliRun run = fleet.run("-q");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("TARGET");
        assertThat(firstWords(lines.subList(1, 4))).containsExactly(fleet.expiring, fleet.expired, fleet.refused);
        assertThat(run.out()).doesNotContain(fleet.good);
        assertThat(lines).last().isEqualTo("4 checked: 1 pass, 1 warn, 1 fail, 1 unknown");
    }

    @Test
    void quietStillWritesTheWholeReportToFiles() throws IOException {
        Path csv = temp.resolve("quiet.csv");

        CliRun run = fleet.runOn(List.of(fleet.good), "--quiet", "-o", "table", "-o", "csv=" + csv);

        assertThat(run.out()).isEmpty();
        assertThat(java.nio.file.Files.readAllLines(csv)).hasSize(2);
    }

    @Test
    void sortStatusPutsTheWorstFirstAndSortExpiryTheSoonest() {
        CliRun byStatus = fleet.run("--sort", "status");
        CliRun byExpiry = fleet.run("--sort", "expiry");
        CliRun byTarget = fleet.run("--sort", "target");

        assertThat(firstWords(rows(byStatus))).containsExactly(fleet.expired, fleet.refused, fleet.expiring, fleet.good);
        assertThat(firstWords(rows(byExpiry))).containsExactly(fleet.expired, fleet.expiring, fleet.good, fleet.refused);
        assertThat(firstWords(rows(byTarget))).containsExactly(fleet.expired, fleet.good, fleet.refused, fleet.expiring);
    }

    @Test
    void sortAlsoOrdersTheJsonTargets() {
        CliRun run = fleet.run("--sort", "status", "-o", "json");

        List<String> statuses = new java.util.ArrayList<>();
        run.json().get("targets").forEach(target -> statuses.add(target.get("status").asText()));
        assertThat(statuses).containsExactly("FAIL", "UNKNOWN", "WARN", "PASS");
    }

    @Test
    void columnsFromTheEnvironmentWrapTheReasonsToTheTerminalWidth() {
        CliRun run = fleet.runWith(Map.of("NO_COLOR", "1", "COLUMNS", "80"), fleet.targets());

        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        assertThat(run.out()).contains("renew it");
    }

    private static List<String> rows(CliRun run) {
        List<String> lines = run.out().lines().toList();
        return lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank() && !line.startsWith(" "))
                .filter(line -> !line.contains(" checked: ")).toList();
    }

    private static List<String> firstWords(List<String> lines) {
        return lines.stream().map(line -> line.split("\\s+")[0]).toList();
    }
}
