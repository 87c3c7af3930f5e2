package org.certcheck.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.certcheck.input.HostListEntry;
import org.certcheck.input.InputProblem;
import org.certcheck.input.Target;
import org.certcheck.report.Verdict;
import org.certcheck.report.Verdicts;
import org.certcheck.tls.Handshake;
import org.certcheck.tls.ProbeFailure;
import org.certcheck.tls.ProbeResult;
import org.certcheck.tls.Prober;
import org.certcheck.validate.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks many targets at once: each is probed and judged on its own thread, at most
 * {@code concurrency} at a time, and the verdicts come back in input order.
 */
public final class FleetCheck {
    private static final Logger LOG = LoggerFactory.getLogger(FleetCheck.class);
    private final Prober prober;
    private final Validator validator;
    private final int concurrency;
    private final boolean everyAddress;

    public FleetCheck(Prober prober, Validator validator, int concurrency) {
        this(prober, validator, concurrency, false);
    }

    /** @param everyAddress one row per address of each name ({@code --all-addresses}) */
    public FleetCheck(Prober prober, Validator validator, int concurrency, boolean everyAddress) {
        this.prober = Objects.requireNonNull(prober, "prober");
        this.validator = Objects.requireNonNull(validator, "validator");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.concurrency = concurrency;
        this.everyAddress = everyAddress;
    }

    /** Probes and judges every entry as of {@code now}; input problems become UNKNOWN rows. */
    public List<Verdict> run(List<HostListEntry> entries, Instant now) {
        Semaphore slots = new Semaphore(concurrency);
        ExecutorService executor = Threads.forProbes(concurrency);
        try {
            List<Future<List<Verdict>>> pending = new ArrayList<>(entries.size());
            for (HostListEntry entry : entries) {
                if (entry instanceof Target target) {
                    pending.add(executor.submit(() -> {
                        slots.acquire();
                        try {
                            return check(target, now);
                        } finally {
                            slots.release();
                        }
                    }));
                } else {
                    pending.add(java.util.concurrent.CompletableFuture.completedFuture(
                            List.of(Verdicts.of((InputProblem) entry))));
                }
            }
            List<Verdict> verdicts = new ArrayList<>(pending.size());
            for (Future<List<Verdict>> future : pending) {
                verdicts.addAll(future.get());
            }
            return verdicts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking targets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("checking a target failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    /** One verdict, or with {@code everyAddress} one per address of the target's name. */
    private List<Verdict> check(Target target, Instant now) {
        try {
            if (!everyAddress) {
                return List.of(verdict(prober.probe(target), now));
            }
            List<Verdict> rows = prober.probeEveryAddress(target).stream().map(result -> verdict(result, now)).toList();
            return AddressAgreement.judge(target.host(), rows);
        } catch (RuntimeException e) {
            // A bug must not cost the other targets their results: this row says so, exit code 4.
            LOG.error("internal error while checking {}: {}", target, e.toString());
            LOG.debug("stack trace of the internal error", e);
            return List.of(Verdicts.internalError(target, e));
        }
    }

    private Verdict verdict(ProbeResult result, Instant now) {
        if (result instanceof Handshake handshake) {
            return Verdicts.of(handshake, validator.assess(handshake, now));
        }
        return Verdicts.of((ProbeFailure) result);
    }
}
