package org.certcheck.net;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Politeness towards the checked network: at most {@code perAddress} connections open to one IP
 * address at a time (thousands of names behind one load balancer should not all hit it at once),
 * and at most {@code perSecond} new connections per second overall. Zero means no limit.
 *
 * <p>Waiting here is not charged to a probe's connect or handshake timeout: the limits are
 * certcheck's own choice, not the server's slowness.
 */
public final class ConnectionLimits {
    public static final ConnectionLimits NONE = new ConnectionLimits(0, 0);

    private final int perAddress;
    private final long nanosBetweenStarts;
    private final ConcurrentHashMap<InetAddress, Semaphore> open = new ConcurrentHashMap<>();
    private final AtomicLong nextStart = new AtomicLong(System.nanoTime());

    public ConnectionLimits(int perAddress, double perSecond) {
        if (perAddress < 0 || perSecond < 0 || Double.isNaN(perSecond)) {
            throw new IllegalArgumentException("limits must not be negative: " + perAddress + " per address, "
                    + perSecond + " per second");
        }
        this.perAddress = perAddress;
        this.nanosBetweenStarts = perSecond == 0 ? 0 : (long) (1_000_000_000L / perSecond);
    }

    /** A permit to connect to {@code address}; close it when the connection is closed. */
    public Permit acquire(InetAddress address) throws InterruptedException {
        Semaphore slots = null;
        if (perAddress > 0) {
            slots = open.computeIfAbsent(address, a -> new Semaphore(perAddress));
            slots.acquire();
        }
        try {
            awaitStartSlot();
        } catch (InterruptedException e) {
            if (slots != null) {
                slots.release();
            }
            throw e;
        }
        return new Permit(slots);
    }

    /** Reserves the next start time of the global rate, then sleeps until it comes. */
    private void awaitStartSlot() throws InterruptedException {
        if (nanosBetweenStarts == 0) {
            return;
        }
        long now = System.nanoTime();
        long slot = nextStart.getAndUpdate(next -> Math.max(next, now) + nanosBetweenStarts);
        long wait = Math.max(slot, now) - now;
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Released exactly once, by {@link #close()}. */
    public static final class Permit implements AutoCloseable {
        private Semaphore slots;

        private Permit(Semaphore slots) {
            this.slots = slots;
        }

        @Override
        public void close() {
            if (slots != null) {
                slots.release();
                slots = null;
            }
        }
    }
}
