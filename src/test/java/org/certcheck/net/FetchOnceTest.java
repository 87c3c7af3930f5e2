package org.certcheck.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class FetchOnceTest {
    private final FetchOnce<String, String> answers = new FetchOnce<>();

    @Test
    void callersArrivingWhileTheFirstFetchRunsGetItsAnswerWithoutFetchingAgain() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> callers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                callers.add(threads.submit(() -> answers.get("http://ca.test/ca.crl", () -> {
                    fetches.incrementAndGet();
                    await(release);
                    return "the CRL";
                })));
            }
            release.countDown();
            for (Future<String> caller : callers) {
                assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo("the CRL");
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(fetches).hasValue(1);
    }

    @Test
    void aSlowFetchDoesNotHoldUpAFetchOfAnotherKey() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            Future<String> slow = threads.submit(() -> answers.get("http://slow.test/a.crt", () -> {
                slowStarted.countDown();
                await(release);
                return "slow";
            }));
            assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(answers.get("http://fast.test/b.crt", () -> "fast")).isEqualTo("fast");
            assertThat(answers.started("http://slow.test/a.crt")).isTrue();

            release.countDown();
            assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow");
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aFetchMayAskForAnotherKeyWhileItRuns() {
        String answer = answers.get("leaf issuer", () -> "via " + answers.get("intermediate issuer", () -> "root"));

        assertThat(answer).isEqualTo("via root");
        assertThat(answers.get("intermediate issuer", () -> "fetched twice")).isEqualTo("root");
    }

    @Test
    void aFetchThatThrowsFailsThoseWaitingForItToo() {
        assertThatThrownBy(() -> answers.get("k", () -> {
            throw new IllegalStateException("bug in a fetcher");
        })).isInstanceOf(IllegalStateException.class);

        assertThatThrownBy(() -> answers.get("k", () -> "not fetched again"))
                .isInstanceOf(CompletionException.class).hasRootCauseMessage("bug in a fetcher");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
