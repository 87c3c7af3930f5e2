package org.certcheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs certcheck's validator over the x509-limbo suite (C2SP/x509-limbo with the BetterTLS import)
 * kept in the shared directory next to the project, writes {@code target/limbo-report.md}, and
 * fails when the score regresses: a crash, fewer correct answers, or more wrong acceptances than
 * the code achieved when the thresholds were last set. The suite is not part of the repository;
 * without it the test is skipped.
 */
class LimboConformanceTest {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Path SUITE = PROJECT.resolve("../shared/conformance/limbo.json").normalize();
    private static final Path REPORT = PROJECT.resolve("target/limbo-report.md");

    /** Two at most: CI machines have two cores, and other builds may share them. */
    private static final int THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

    // With the crypto policy and profile checks (issue #4) the validator scored 9,751 correct,
    // 17 wrong-accept, 2 wrong-reject. Tighten the bounds when the validator improves.
    private static final long MIN_CORRECT = 9_751;
    private static final long MAX_WRONG_ACCEPTS = 17;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void validatorScoresAtLeastAsWellAsBeforeAndNeverThrows() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(SUITE), "x509-limbo suite not found at " + SUITE
                + ": this conformance test needs the x509-limbo limbo.json from the shared directory"
                + " (../shared/conformance/limbo.json relative to the project; see the README.md there)");

        LimboScore score = LimboRun.run(SUITE, Instant.now(), THREADS);

        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, LimboReport.render(score, SUITE.toString()), StandardCharsets.UTF_8);
        System.out.println(score.totals() + "; report: " + REPORT);

        assertThat(score.with(CaseResult.Outcome.CRASH)).as("cases where the validator threw (see " + REPORT + ")")
                .extracting(result -> result.id() + ": " + result.crash().orElseThrow())
                .isEmpty();
        assertThat(score.count(CaseResult.Outcome.CORRECT)).as("correct answers (see " + REPORT + ")")
                .isGreaterThanOrEqualTo(MIN_CORRECT);
        assertThat(score.count(CaseResult.Outcome.WRONG_ACCEPT)).as("wrong acceptances (see " + REPORT + ")")
                .isLessThanOrEqualTo(MAX_WRONG_ACCEPTS);
    }
}
