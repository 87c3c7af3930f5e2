package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certcheck.demo.DemoFleet;
import org.certcheck.pki.Pem;
import org.certcheck.testing.CliRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** Three shards checked separately and merged tell the same story, with the same exit code, as one run. */
class ShardMergeCliTest {
    private static final Instant NOW = Instant.now();
    private static DemoFleet fleet;
    private static Path hosts;
    private static Path rootPem;

    @TempDir
    static Path temp;

    @BeforeAll
    static void startFleet() throws Exception {
        fleet = DemoFleet.start(NOW);
        rootPem = Files.writeString(temp.resolve("root.pem"), Pem.encode(fleet.rootCertificate()));
        List<String> lines = new ArrayList<>();
        // The silent server is left out: it would only slow the test down by a timeout per run.
        fleet.cases().stream().map(c -> c.target().display()).filter(t -> !t.startsWith("silent.")).forEach(lines::add);
        lines.add("web:99999");
        hosts = Files.write(temp.resolve("hosts.txt"), lines);
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    private static CliRun run(String... args) {
        return CliRun.run(Clock.fixed(NOW, ZoneOffset.UTC), fleet.resolver(), args);
    }

    @Test
    void mergedShardsEqualASingleRun() throws Exception {
        CliRun single = run("--ca", rootPem.toString(), "-o", "json", hosts.toString());
        List<String> shardReports = new ArrayList<>();
        int checkedInShards = 0;
        for (int k = 1; k <= 3; k++) {
            CliRun shard = run("--ca", rootPem.toString(), "-o", "json", "--shard", k + "/3", hosts.toString());
            checkedInShards += shard.json().get("targets").size();
            shardReports.add(Files.writeString(temp.resolve("shard-" + k + ".json"), shard.out()).toString());
        }

        CliRun merged = run(concat("merge", shardReports));

        assertThat(checkedInShards).isEqualTo(single.json().get("targets").size());
        assertThat(statusByTarget(merged.json())).isEqualTo(statusByTarget(single.json()));
        assertThat(merged.json().get("summary")).isEqualTo(single.json().get("summary"));
        assertThat(merged.exitCode()).isEqualTo(single.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(merged.err()).contains("3 reports, " + single.json().get("targets").size() + " checked");
    }

    @Test
    void mergeOfPassingShardsExitsZeroAndFailOnWarnIsHonoured() throws Exception {
        String good = fleet.cases().stream().map(c -> c.target().display())
                .filter(t -> t.startsWith("good.")).findFirst().orElseThrow();
        String expiring = fleet.cases().stream().map(c -> c.target().display())
                .filter(t -> t.startsWith("expiring.")).findFirst().orElseThrow();
        Path a = Files.writeString(temp.resolve("a.json"), run("--ca", rootPem.toString(), "-o", "json", good).out());
        Path b = Files.writeString(temp.resolve("b.json"), run("--ca", rootPem.toString(), "-o", "json", expiring).out());

        assertThat(run("merge", a.toString(), b.toString()).exitCode()).isZero();
        assertThat(run("merge", "--fail-on", "warn", a.toString(), b.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void mergeRefusesWhatIsNotAReport() throws Exception {
        Path notJson = Files.writeString(temp.resolve("notes.txt"), "hello");
        Path otherJson = Files.writeString(temp.resolve("other.json"), "{\"targets\": [], \"schemaVersion\": 99}");

        CliRun garbage = run("merge", notJson.toString());
        CliRun future = run("merge", otherJson.toString());
        CliRun missing = run("merge", temp.resolve("nope.json").toString());

        assertThat(garbage.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(garbage.err()).contains("notes.txt: not JSON");
        assertThat(future.err()).contains("other.json: schemaVersion 99 is not supported");
        assertThat(missing.err()).contains("nope.json: no such file");
    }

    @Test
    void badShardSpecificationIsAUsageError() {
        CliRun run = run("--shard", "4/3", hosts.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--shard", "1 <= K <= N");
    }

    private static Map<String, String> statusByTarget(JsonNode report) {
        Map<String, String> statuses = new HashMap<>();
        report.get("targets").forEach(t -> statuses.put(t.get("target").asText(), t.get("status").asText()));
        return statuses;
    }

    private static String[] concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }
}
