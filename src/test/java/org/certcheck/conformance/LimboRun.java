package org.certcheck.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Judges every SERVER testcase of the suite on a few threads while the file is still being read.
 * Nearly all the time goes into ECDSA signature checks, so a second core halves the run; at most
 * {@link #IN_FLIGHT} cases wait in memory at once.
 */
final class LimboRun {
    private static final int IN_FLIGHT = 64;

    private LimboRun() {
    }

    /**
     * @param now     the time for testcases without a {@code validation_time}, and the run's start
     * @param threads at least 1
     */
    static LimboScore run(Path suite, Instant now, int threads) throws IOException {
        ThreadLocal<LimboJudge> judges = ThreadLocal.withInitial(() -> new LimboJudge(now));
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "limbo-judge");
            thread.setDaemon(true);
            return thread;
        });
        Semaphore room = new Semaphore(IN_FLIGHT);
        List<Future<CaseResult>> results = new ArrayList<>();
        int[] clientCases = {0};
        try {
            LimboSuite.forEachCase(suite, testcase -> {
                if (!testcase.server()) {
                    clientCases[0]++;
                    return;
                }
                room.acquireUninterruptibly();
                results.add(pool.submit(() -> {
                    try {
                        return judges.get().judge(testcase);
                    } finally {
                        room.release();
                    }
                }));
            });
            List<CaseResult> judged = new ArrayList<>(results.size());
            for (Future<CaseResult> result : results) {
                judged.add(result.get());
            }
            return new LimboScore(judged, clientCases[0], Duration.between(now, Instant.now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while judging " + suite, e);
        } catch (ExecutionException e) {
            // A bug of the harness (the judge catches what the validator throws): fail the run with it.
            throw new IllegalStateException("judging a testcase of " + suite + " failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
