package org.certcheck.net;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The daemon threads probes and fetches lean on: one timer that enforces handshake deadlines by
 * closing sockets, a pool for name resolution (which Java cannot interrupt, so it runs apart from
 * the probe and is waited for with a deadline), and a pool for HTTP fetches (whose body reads
 * {@link java.net.HttpURLConnection} cannot cut short, so they too run apart and are waited for).
 */
public final class Background {
    private static final ScheduledThreadPoolExecutor TIMER = timer();
    private static final ExecutorService RESOLVERS = Executors.newCachedThreadPool(daemon("certcheck-resolve"));
    private static final ExecutorService EXCHANGES = Executors.newCachedThreadPool(daemon("certcheck-fetch"));

    private Background() {
    }

    public static ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return TIMER.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    static <T> Future<T> submit(Callable<T> task) {
        return RESOLVERS.submit(task);
    }

    static <T> Future<T> fetch(Callable<T> task) {
        return EXCHANGES.submit(task);
    }

    static void cleanUp(Runnable task) {
        EXCHANGES.execute(task);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("certcheck-deadline"));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
