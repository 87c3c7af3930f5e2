package org.certcheck.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.certcheck.input.HostListEntry;
import org.certcheck.input.InputProblem;
import org.certcheck.input.Target;
import org.certcheck.report.Verdict;
import org.certcheck.report.Verdicts;
import org.certcheck.revocation.RevocationCheck;
import org.certcheck.tls.Handshake;
import org.certcheck.tls.ProbeFailure;
import org.certcheck.tls.ProbeResult;
import org.certcheck.tls.Prober;
import org.certcheck.validate.Assessment;
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
    private final RevocationCheck revocation;
    private final int concurrency;
    private final boolean everyAddress;

    /** Without revocation checking. */
    public FleetCheck(Prober prober, Validator validator, int concurrency) {
        this(prober, validator, RevocationCheck.off(), concurrency);
    }

    /**
     * @param revocation this run's revocation check; it runs on each target's own thread after the
     *                   validator, so a slow responder delays only the targets that need it
     */
    public FleetCheck(Prober prober, Validator validator, RevocationCheck revocation, int concurrency) {
        this(prober, validator, revocation, concurrency, false);
    }

    /** Without revocation checking; {@code everyAddress} as below. */
    public FleetCheck(Prober prober, Validator validator, int concurrency, boolean everyAddress) {
        this(prober, validator, RevocationCheck.off(), concurrency, everyAddress);
    }

    /**
     * @param revocation   as above
     * @param everyAddress one row per address of each name ({@code --all-addresses})
     */
    public FleetCheck(Prober prober, Validator validator, RevocationCheck revocation, int concurrency,
                      boolean everyAddress) {
        this.prober = Objects.requireNonNull(prober, "prober");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.revocation = Objects.requireNonNull(revocation, "revocation");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.concurrency = concurrency;
        this.everyAddress = everyAddress;
    }

    /** Probes and judges every entry as of {@code now}; input problems become UNKNOWN rows. */
    public List<Verdict> run(List<HostListEntry> entries, Instant now) {
        return run(entries, now, verdict -> { });
    }

    /**
     * As {@link #run(List, Instant)}, and also hands each verdict to {@code arrived} as soon as it is
     * known (input problems first, then targets in the order their checks finish), so a streaming
     * report or a progress line need not wait for the slowest host. Calls are never concurrent, and
     * all of them happen before this method returns; the returned list is still in input order.
     * A listener that throws ends the run with that exception.
     */
    public List<Verdict> run(List<HostListEntry> entries, Instant now, Consumer<Verdict> arrived) {
        Objects.requireNonNull(arrived, "arrived");
        Object arrivals = new Object();
        Consumer<Verdict> serialized = verdict -> {
            synchronized (arrivals) {
                arrived.accept(verdict);
            }
        };
        Semaphore slots = new Semaphore(concurrency);
        ExecutorService executor = Threads.forProbes(concurrency);
        try {
            List<Future<List<Verdict>>> pending = new ArrayList<>(entries.size());
            for (HostListEntry entry : entries) {
                if (entry instanceof Target target) {
                    pending.add(executor.submit(() -> {
                        slots.acquire();
                        List<Verdict> rows;
                        try {
                            rows = check(target, now);
                        } finally {
                            slots.release();
                        }
                        rows.forEach(serialized);
                        return rows;
                    }));
                } else {
                    Verdict verdict = Verdicts.of((InputProblem) entry);
                    serialized.accept(verdict);
                    pending.add(java.util.concurrent.CompletableFuture.completedFuture(List.of(verdict)));
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
            if (e.getCause() instanceof RuntimeException listenerFailure) {
                throw listenerFailure; // check() turns its own failures into verdicts: this came from the listener
            }
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
            Assessment assessment = validator.assess(handshake, now);
            return Verdicts.of(handshake, assessment, revocation.check(handshake, assessment.path(), now));
        }
        return Verdicts.of((ProbeFailure) result);
    }
}
