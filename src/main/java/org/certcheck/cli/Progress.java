package org.certcheck.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.certcheck.input.HostListEntry;
import org.certcheck.report.Status;
import org.certcheck.report.Verdict;

/**
 * A one-line progress indicator on stderr for a person waiting at a terminal: {@code checked 120
 * of 500 (3 fail, 1 unknown)}, redrawn in place a few times a second. It appears only once the run
 * has taken {@link #DELAY} (a quick run prints nothing extra) and is erased when the run ends, so
 * the report is never interleaved with it. The CLI creates one only when stderr is a terminal.
 *
 * <p>It counts host-list entries. With {@code --all-addresses} an entry gives one row per address,
 * all with the entry's origin ({@code hosts.txt:12}, {@code argument 1}): there the rows are grouped
 * by origin, so the count never passes the total. Such an entry is counted at its first row (its
 * rows come together, once all its addresses were checked), as failed if any row failed, else as
 * unknown if any row was unknown: the precedence of {@link Status#of}.
 */
final class Progress implements AutoCloseable {
    static final Duration DELAY = Duration.ofSeconds(1);
    private static final Duration INTERVAL = Duration.ofMillis(250);

    /**
     * What the line counts up to.
     *
     * @param entries       how many entries the run has
     * @param rowPerAddress each entry may give several rows, one per address, sharing its origin
     */
    record Total(int entries, boolean rowPerAddress) {
        /** One row per entry: the row count. */
        static Total rows(int rows) {
            return new Total(rows, false);
        }

        /** The entries of a network check; with {@code rowPerAddress} those of one origin are one. */
        static Total of(List<HostListEntry> entries, boolean rowPerAddress) {
            return rowPerAddress
                    ? new Total((int) entries.stream().map(HostListEntry::origin).distinct().count(), true)
                    : rows(entries.size());
        }
    }

    private final PrintWriter err;
    private final Total total;
    /** With rowPerAddress, the worst status so far of each entry, by origin; touched only by {@link #arrived}. */
    private final Map<String, Status> entries = new HashMap<>();
    // Read by the drawing thread; arrivals never wait for the terminal.
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger unknown = new AtomicInteger();
    private ScheduledExecutorService ticker;
    private boolean drawn;
    private boolean closed;

    Progress(PrintWriter err, Total total) {
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

    /** One row is known; called by one thread at a time, as {@link Outputs#arrived} is. */
    void arrived(Verdict verdict) {
        Status before = total.rowPerAddress() ? entries.get(verdict.origin()) : null;
        Status after = before == null ? verdict.status() : worse(before, verdict.status());
        if (total.rowPerAddress()) {
            entries.put(verdict.origin(), after);
        }
        if (before == null) {
            done.incrementAndGet();
        }
        // Unknown first: an entry going from UNKNOWN to FAIL is never drawn as both.
        unknown.addAndGet(is(after, Status.UNKNOWN) - is(before, Status.UNKNOWN));
        failed.addAndGet(is(after, Status.FAIL) - is(before, Status.FAIL));
    }

    /** Only FAIL and UNKNOWN are counted, so PASS and WARN need no order between them. */
    private static Status worse(Status a, Status b) {
        if (a == Status.FAIL || b == Status.FAIL) {
            return Status.FAIL;
        }
        return a == Status.UNKNOWN || b == Status.UNKNOWN ? Status.UNKNOWN : b;
    }

    private static int is(Status status, Status counted) {
        return status == counted ? 1 : 0;
    }

    /** Redraws the line: carriage return, the text, then erase to the end of the line. */
    synchronized void draw() {
        if (closed) {
            return;
        }
        err.print("\rchecked " + done.get() + " of " + total.entries() + " (" + failed.get() + " fail, " + unknown.get()
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
