package org.certcheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.certcheck.cli.Main;
import org.certcheck.net.Resolver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * Runs every case of the x509-limbo suite (C2SP/x509-limbo with the BetterTLS import, kept in the
 * shared directory next to the project) through {@code certcheck verify --batch} in this JVM, and
 * compares each answer with the suite's expectation. Every deviation must be listed, with its
 * reason, in {@code src/test/resources/conformance/limbo-deviations.txt}; a listed case that now
 * answers as expected fails the test too, so the list only shrinks. Writes
 * {@code target/limbo-report.md}. Without the suite the test is skipped.
 */
class LimboConformanceTest {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Path SUITE = PROJECT.resolve("../shared/conformance/limbo.json").normalize();
    private static final Path CASES = PROJECT.resolve("target/limbo-cases.jsonl");

    /** Two at most: CI machines have two cores, and other builds may share them. */
    private static final int JOBS = Math.min(2, Runtime.getRuntime().availableProcessors());

    private record Expected(String result, List<String> features, boolean server) {
    }

    /**
     * Each profile has its own list: the private profile does not hold the operator's trust anchor or
     * a private PKI to CA/B Forum rules, which the suite's pedantic and webpki cases expect.
     */
    @ParameterizedTest(name = "--profile {0}")
    @CsvSource({"private, limbo-deviations.txt", "webpki, limbo-deviations-webpki.txt"})
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyDeviationFromTheSuiteIsListedWithItsReason(String profile, String deviationList) throws IOException {
        Path deviations = PROJECT.resolve("src/test/resources/conformance").resolve(deviationList);
        Path reportFile = PROJECT.resolve("target/limbo-report-" + profile + ".md");
        if (!Files.isRegularFile(SUITE)) {
            String missing = "x509-limbo suite not found at " + SUITE + ": put limbo.json of the x509-limbo project"
                    + " (github.com/C2SP/x509-limbo, the file limbo.json at its root) there to run this test";
            // CI lays the suite beside the project: there a missing suite is a broken setup, not a skip.
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(missing + " (CI=true: the conformance test must run in CI)");
            }
            Assumptions.assumeTrue(false, missing);
        }
        long start = System.nanoTime();
        Map<String, Expected> expected = writeCases();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (InputStream stdin = Files.newInputStream(CASES)) {
            CommandLine cli = Main.commandLine(Clock.systemUTC(), Resolver.SYSTEM, Map.of("NO_COLOR", "1"), stdin);
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            exit = cli.execute("verify", "--batch", "--warn-days", "0", "--crit-days", "0", "--jobs",
                    String.valueOf(JOBS), "--profile", profile);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(exit).as("exit code of verify --batch; stderr: %s", err).isZero();

        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String line : out.toString().split("\n")) {
            JsonNode answer = mapper.readTree(line);
            answers.put(answer.get("id").asText(), answer);
        }
        assertThat(answers.keySet()).as("one answer per case, in order").containsExactlyElementsOf(expected.keySet());

        LimboDeviations listed = LimboDeviations.read(deviations);
        List<String> unlisted = new ArrayList<>();
        List<String> nowPassing = new ArrayList<>();
        Map<String, JsonNode> deviating = new LinkedHashMap<>();
        expected.forEach((id, expectation) -> {
            JsonNode answer = answers.get(id);
            String actual = answer.get("actual_result").asText();
            boolean deviates = expectation.server() && !actual.equals(expectation.result());
            LimboDeviations.Deviation deviation = listed.find(id);
            if (deviates) {
                deviating.put(id, answer);
            }
            if (deviates && (deviation == null || !deviation.answer().equals(actual))) {
                unlisted.add(id + " " + actual + " (expected " + expectation.result() + "): "
                        + answer.get("context").asText());
            } else if (!deviates && deviation != null && !deviation.family()) {
                nowPassing.add(id + ": now " + actual + " as expected; remove it from " + deviations.getFileName());
            }
        });
        listed.byId().values().forEach(deviation -> {
            if (!deviation.family() && !expected.containsKey(deviation.id())) {
                nowPassing.add(deviation.id() + ": no such case in the suite");
            } else if (deviation.family() && deviating.keySet().stream().noneMatch(deviation::covers)) {
                nowPassing.add(deviation.id() + ": no case of this family deviates any more");
            }
        });

        Files.writeString(reportFile, report(profile, expected, answers, deviating, listed, seconds),
                StandardCharsets.UTF_8);
        System.out.println("x509-limbo through verify --batch --profile " + profile + ": " + summary(expected, answers)
                + " in " + String.format(Locale.ROOT, "%.1f s", seconds) + "; report: " + reportFile);

        assertThat(unlisted).as("deviations not in %s (add them with a reason, or fix them)", deviations).isEmpty();
        assertThat(nowPassing).as("listed deviations that no longer deviate").isEmpty();
    }

    private static Map<String, Expected> writeCases() throws IOException {
        Map<String, Expected> expected = new LinkedHashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        Files.createDirectories(CASES.getParent());
        try (BufferedWriter writer = Files.newBufferedWriter(CASES, StandardCharsets.UTF_8)) {
            LimboSuite.forEachNode(SUITE, node -> {
                List<String> features = new ArrayList<>();
                node.path("features").forEach(feature -> features.add(feature.asText()));
                expected.put(node.get("id").asText(), new Expected(node.get("expected_result").asText(), features,
                        "SERVER".equals(node.path("validation_kind").asText())));
                try {
                    writer.write(mapper.writeValueAsString(node));
                    writer.write('\n');
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return expected;
    }

    private static String summary(Map<String, Expected> expected, Map<String, JsonNode> answers) {
        long server = 0;
        long right = 0;
        long wrongAccept = 0;
        long wrongReject = 0;
        long skipped = 0;
        for (Map.Entry<String, Expected> entry : expected.entrySet()) {
            if (!entry.getValue().server()) {
                continue;
            }
            server++;
            String actual = answers.get(entry.getKey()).get("actual_result").asText();
            if (actual.equals(entry.getValue().result())) {
                right++;
            } else if (actual.equals("SKIPPED")) {
                skipped++;
            } else if (actual.equals("SUCCESS")) {
                wrongAccept++;
            } else {
                wrongReject++;
            }
        }
        return String.format(Locale.ROOT, "%,d SERVER cases: %,d right, %,d wrong-accept, %,d wrong-reject,"
                + " %,d skipped", server, right, wrongAccept, wrongReject, skipped);
    }

    private static String report(String profile, Map<String, Expected> expected, Map<String, JsonNode> answers,
                                 Map<String, JsonNode> deviating, LimboDeviations listed, double seconds) {
        StringBuilder text = new StringBuilder("# certcheck verify --batch --profile " + profile
                + " on x509-limbo\n\n");
        text.append(summary(expected, answers)).append(String.format(Locale.ROOT, " (%.1f s).\n\n", seconds));
        text.append("Plain Java for comparison (../shared/conformance/README.md): JSSE 9,500 right / 186 wrong-accept /"
                + " 84 wrong-reject; Bouncy Castle CertPathBuilder 9,524 / 245 / 1.\n\n");
        text.append("## Deviations: ").append(deviating.size()).append("\n\n| case | features | expected | certcheck |"
                + " reason or context |\n|---|---|---|---|---|\n");
        deviating.forEach((id, answer) -> {
            LimboDeviations.Deviation deviation = listed.find(id);
            String why = deviation != null ? deviation.reason() : "UNLISTED: " + answer.get("context").asText();
            text.append("| `").append(id).append("` | ").append(String.join(", ", expected.get(id).features()))
                    .append(" | ").append(expected.get(id).result()).append(" | ")
                    .append(answer.get("actual_result").asText()).append(" | ")
                    .append(why.replace("|", "\\|").replace('\n', ' ')).append(" |\n");
        });
        return text.toString();
    }
}
