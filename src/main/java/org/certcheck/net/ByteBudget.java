package org.certcheck.net;

import java.util.concurrent.TimeUnit;

/**
 * The bytes that all of one run's HTTP fetches together may hold in memory at once, beyond the
 * first {@link #FREE_PER_BODY} of each body: small answers (OCSP responses, corporate CRLs) never
 * wait, and large ones share what is left, so forty responders each streaming a huge body cannot
 * exhaust the heap. A fetch that cannot get its bytes before its own deadline fails with a message
 * saying so; bytes are given back when its exchange ends. Thread-safe.
 */
public final class ByteBudget {
    /** Each body's first bytes, outside the budget: at most one per fetch under way, i.e. per thread. */
    public static final long FREE_PER_BODY = 1L << 20;
    private static final long MIN_TOTAL = 16L << 20;
    private static final long MAX_TOTAL = 256L << 20;

    private final long total;
    private long free;

    public ByteBudget(long totalBytes) {
        if (totalBytes < 1) {
            throw new IllegalArgumentException("totalBytes must be positive: " + totalBytes);
        }
        this.total = totalBytes;
        this.free = totalBytes;
    }

    /** A quarter of the JVM's maximum heap, between 16 and 256 MiB: the launcher's heap stays safe. */
    public static ByteBudget forHeap(long maxHeapBytes) {
        return new ByteBudget(Math.max(MIN_TOTAL, Math.min(MAX_TOTAL, maxHeapBytes / 4)));
    }

    public long total() {
        return total;
    }

    /**
     * Takes {@code bytes}, waiting until {@code deadlineNanos} ({@link System#nanoTime()}) for other
     * fetches to give some back; false if they did not in time, or if more is asked than there is.
     */
    synchronized boolean acquire(long bytes, long deadlineNanos) throws InterruptedException {
        if (bytes > total) {
            return false;
        }
        while (free < bytes) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        free -= bytes;
        return true;
    }

    synchronized void release(long bytes) {
        free = Math.min(total, free + bytes);
        notifyAll();
    }
}
