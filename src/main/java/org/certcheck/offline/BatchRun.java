package org.certcheck.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads one case per line, judges them on a few threads, and writes one answer per line in input
 * order, flushed after each, so a harness can pair questions and answers as they stream. At most
 * {@link #IN_FLIGHT} cases are held at once. Blank lines are skipped.
 */
public final class BatchRun {
    private static final int IN_FLIGHT = 64;

    private final BatchJudge judge;
    private final int threads;
    private final ObjectMapper mapper = new ObjectMapper();

    public BatchRun(BatchJudge judge, int threads) {
        this.judge = judge;
        this.threads = Math.max(1, threads);
    }

    /** @return the number of answers written */
    public int run(BufferedReader in, PrintWriter out) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "verify-batch");
            thread.setDaemon(true);
            return thread;
        });
        // The writer takes answers in input order as soon as each is ready, so a harness that waits
        // for the answer before sending its next case is never kept waiting by the reader.
        BlockingQueue<Future<BatchAnswer>> pending = new ArrayBlockingQueue<>(IN_FLIGHT);
        Future<BatchAnswer> end = CompletableFuture.completedFuture(null);
        ExecutorService writing = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "verify-batch-writer");
            thread.setDaemon(true);
            return thread;
        });
        Future<Integer> writer = writing.submit(() -> {
            int written = 0;
            for (Future<BatchAnswer> next = pending.take(); next != end; next = pending.take()) {
                write(next, out);
                written++;
            }
            return written;
        });
        try {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    String question = line;
                    int lineNumber = number;
                    pending.put(pool.submit(() -> judge.judge(question, lineNumber)));
                }
            }
            pending.put(end);
            return writer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while judging", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("writing the answers failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            writing.shutdownNow();
        }
    }

    private void write(Future<BatchAnswer> future, PrintWriter out) {
        BatchAnswer answer;
        try {
            answer = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while judging", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("judging a case failed: " + e.getCause(), e.getCause());
        }
        Map<String, String> line = new LinkedHashMap<>();
        line.put("id", answer.id());
        line.put("actual_result", answer.result());
        line.put("context", answer.context());
        try {
            out.println(mapper.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
