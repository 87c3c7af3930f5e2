package org.certcheck.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.certcheck.report.Status;
import org.certcheck.report.Verdict;

/**
 * A one-line progress indicator on stderr for a person waiting at a terminal: {@code checked 120
 * of 500 (3 fail, 1 unknown)}, redrawn in place a few times a second. It appears only once the run
 * has taken {@link #DELAY} (a quick run prints nothing extra) and is erased when the run ends, so
 * the report is never interleaved with it. The CLI creates one only when stderr is a terminal.
 */
final class Progress implements AutoCloseable {
    static final Duration DELAY = Duration.ofSeconds(1);
    private static final Duration INTERVAL = Duration.ofMillis(250);

    private final PrintWriter err;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger unknown = new AtomicInteger();
    private ScheduledExecutorService ticker;
    private boolean drawn;
    private boolean closed;

    Progress(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    /** Starts redrawing after {@link #DELAY}, on a daemon thread of its own. */
    Progress start() {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "certcheck-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::draw, DELAY.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    void arrived(Verdict verdict) {
        done.incrementAndGet();
        if (verdict.status() == Status.FAIL) {
            failed.incrementAndGet();
        } else if (verdict.status() == Status.UNKNOWN) {
            unknown.incrementAndGet();
        }
    }

    /** Redraws the line: carriage return, the text, then erase to the end of the line. */
    synchronized void draw() {
        if (closed) {
            return;
        }
        err.print("\rchecked " + done.get() + " of " + total + " (" + failed.get() + " fail, " + unknown.get()
                + " unknown)\u001b[K");
        err.flush();
        drawn = true;
    }

    /** Stops redrawing and erases the line, if one was drawn. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        erase();
    }

    private synchronized void erase() {
        closed = true;
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
