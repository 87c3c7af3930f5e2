package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * {@code merge} knows its shards (issue 14, item 14): each shard's JSON records K/N and the
 * identity of the list; a missing, doubled or foreign shard is a usage error naming the report,
 * and the merged rows come in the order of the list, whatever order the shards are given in.
 */
class ShardIdentityCliTest {
    @TempDir
    static Path temp;

    private static SmallFleet fleet;
    private static Path hosts;
    private static Path otherHosts;

    @BeforeAll
    static void startFleet() throws IOException {
        fleet = SmallFleet.start(temp);
        List<String> lines = new ArrayList<>(fleet.targets());
        for (int i = 1; i <= 8; i++) {
            lines.add(i % 2 == 0 ? "web" + i + ":99999" : "bad!" + i);
        }
        hosts = Files.write(temp.resolve("hosts.txt"), lines);
        lines.add("bad!extra");
        otherHosts = Files.write(temp.resolve("other-hosts.txt"), lines);
    }

    @AfterAll
    static void stopFleet() throws IOException {
        fleet.close();
    }

    @Test
    void eachShardRecordsWhichItIsAndOfWhichList() throws IOException {
        JsonNode shard = fleet.runOn(List.of(hosts.toString()), "-o", "json", "--shard", "2/3").json();

        assertThat(shard.get("shard").get("index").asInt()).isEqualTo(2);
        assertThat(shard.get("shard").get("count").asInt()).isEqualTo(3);
        assertThat(shard.get("shard").get("list").asText()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void mergedRowsComeInInputOrderWhateverTheOrderOfTheShards() throws IOException {
        List<String> single = targets(fleet.runOn(List.of(hosts.toString()), "-o", "json").json());

        CliRun merged = CliRun.run("merge", shard(hosts, 3, 3), shard(hosts, 1, 3), shard(hosts, 2, 3));

        assertThat(merged.exitCode()).as(merged.err()).isEqualTo(ExitCode.FAILED);
        assertThat(targets(merged.json())).containsExactlyElementsOf(single);
    }

    @Test
    void aMissingShardIsAUsageErrorNamingIt() throws IOException {
        CliRun merged = CliRun.run("merge", shard(hosts, 1, 3), shard(hosts, 3, 3));

        assertThat(merged.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(merged.err()).contains("shard 2/3 missing");
        assertThat(merged.out()).isEmpty();
    }

    @Test
    void aShardGivenTwiceIsAUsageErrorNamingBothReports() throws IOException {
        String first = shard(hosts, 1, 2);
        Path copy = Files.copy(Path.of(first), temp.resolve("copy-of-shard-1.json"));

        CliRun merged = CliRun.run("merge", first, shard(hosts, 2, 2), copy.toString());

        assertThat(merged.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(merged.err()).contains(copy + ": is shard 1/2, and so is " + first);
    }

    @Test
    void aShardOfAnotherListOrAnotherSplitIsAUsageError() throws IOException {
        CliRun otherList = CliRun.run("merge", shard(hosts, 1, 2), shard(otherHosts, 2, 2));
        CliRun otherSplit = CliRun.run("merge", shard(hosts, 1, 2), shard(hosts, 2, 3), shard(hosts, 3, 3));

        assertThat(otherList.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(otherList.err()).contains("other-hosts.txt-2-of-2.json: checked another host list");
        assertThat(otherSplit.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(otherSplit.err()).contains("is shard 2/3 but", "is shard 1/2", "same --shard K/N split");
    }

    /** Runs shard K/N of {@code list} and returns its JSON report's file. */
    private static String shard(Path list, int k, int n) throws IOException {
        CliRun run = fleet.runOn(List.of(list.toString()), "-o", "json", "--shard", k + "/" + n);
        return Files.writeString(temp.resolve(list.getFileName() + "-" + k + "-of-" + n + ".json"), run.out())
                .toString();
    }

    private static List<String> targets(JsonNode report) {
        List<String> targets = new ArrayList<>();
        report.get("targets").forEach(row -> targets.add(row.get("target").asText() + " " + row.get("origin").asText()));
        return targets;
    }
}
