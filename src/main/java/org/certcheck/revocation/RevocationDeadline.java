package org.certcheck.revocation;

import java.time.Duration;

/**
 * The time one target's revocation check may take ({@code --revocation-deadline}), across every
 * certificate of its path: once it has passed, no further OCSP query or CRL download is started for
 * the target, and the sources not tried are reported as skipped. A fetch under way still ends within
 * its own timeout, so a target takes at most the deadline plus one {@code --revocation-timeout}.
 * Without it, a certificate naming 300 silent CRL URLs held its target for 300 timeouts.
 */
final class RevocationDeadline {
    private final Duration limit;
    private final long endNanos;

    private RevocationDeadline(Duration limit, long endNanos) {
        this.limit = limit;
        this.endNanos = endNanos;
    }

    /** Starts now. */
    static RevocationDeadline starting(Duration limit) {
        return new RevocationDeadline(limit, System.nanoTime() + limit.toNanos());
    }

    boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }

    /** {@code the revocation deadline of 20 s (--revocation-deadline)}: for the per-CA CRL health check. */
    String describe() {
        return "the revocation deadline of " + Times.duration(limit) + " (--revocation-deadline)";
    }

    /** The problem noted for {@code first}, the first source not tried, and the {@code more} after it. */
    Answer.Problem skipped(Answer.Problem first, int more) {
        return new Answer.Problem(first.source(), first.location(), "not tried"
                + (more == 0 ? "" : ", nor " + more + " more source" + (more == 1 ? "" : "s") + " after it")
                + ": the target's revocation deadline of " + Times.duration(limit)
                + " (--revocation-deadline) had passed");
    }
}
