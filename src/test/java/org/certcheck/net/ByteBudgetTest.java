package org.certcheck.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.certcheck.testing.RawServer;
import org.junit.jupiter.api.Test;

/** The memory all fetches of a run share for response bodies (issue 14 item 10). */
class ByteBudgetTest {
    private static final long MIB = 1L << 20;

    private static HttpFetch fetchWith(ByteBudget budget) {
        FetchRules rules = new FetchRules(FetchPolicy.ANY, Resolver.SYSTEM, FetchRules.OPEN.tls(), budget);
        return new HttpFetch(Duration.ofSeconds(3), 64 * MIB, Optional.empty(), Optional.empty(), rules);
    }

    private static RawServer serving(long bytes) throws Exception {
        return new RawServer(connection -> {
            connection.getInputStream().read(new byte[4096]);
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + bytes + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
            }
            out.flush();
        });
    }

    @Test
    void aBodyWithinTheFreePartNeverTouchesTheBudget() throws Exception {
        ByteBudget budget = new ByteBudget(1);
        try (RawServer server = serving(MIB - 10)) {
            HttpOutcome outcome = fetchWith(budget).get(URI.create("http://127.0.0.1:" + server.port() + "/"), Map.of());
            assertThat(outcome).isInstanceOf(HttpOutcome.Response.class);
            assertThat(((HttpOutcome.Response) outcome).bodyLength()).isEqualTo((int) MIB - 10);
        }
    }

    @Test
    void aBodyLargerThanTheSharedMemoryFailsWithAMessageAndGivesItBack() throws Exception {
        ByteBudget budget = new ByteBudget(MIB);
        try (RawServer server = serving(3 * MIB)) {
            HttpOutcome outcome = fetchWith(budget).get(URI.create("http://127.0.0.1:" + server.port() + "/"), Map.of());
            assertThat(outcome).isEqualTo(new HttpOutcome.Failed("not fetched in full: the response is larger than"
                    + " this run's memory for downloads (1 MiB shared by all fetches beyond the first 1 MiB of each)"));
        }
        assertThat(budget.acquire(MIB, System.nanoTime())).as("everything was given back").isTrue();
    }

    @Test
    void aFetchWaitsForBytesAnotherGivesBack() throws Exception {
        ByteBudget budget = new ByteBudget(100);
        assertThat(budget.acquire(80, System.nanoTime())).isTrue();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return budget.acquire(50, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        budget.release(80);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(budget.acquire(60, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100))).as("50 still held")
                .isFalse();
    }

    @Test
    void theRunsBudgetIsAQuarterOfTheHeapWithinBounds() {
        assertThat(ByteBudget.forHeap(512 * MIB).total()).isEqualTo(128 * MIB);
        assertThat(ByteBudget.forHeap(32 * MIB).total()).isEqualTo(16 * MIB);
        assertThat(ByteBudget.forHeap(8192 * MIB).total()).isEqualTo(256 * MIB);
    }
}
