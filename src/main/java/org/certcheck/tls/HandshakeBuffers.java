package org.certcheck.tls;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The byte buffers of handshakes, handed back when a handshake ends and taken again by the next:
 * each handshake needs three of about 16 KiB (what the engine asks for), and allocating them afresh
 * was a fifth of all the memory a fleet check allocated (profiled at 10,000 hosts). A buffer is
 * cleared when taken; one too small for the request is dropped. At most {@value #KEPT} are kept
 * (about 12 MiB), so a run never holds more than its handshakes in flight need.
 */
final class HandshakeBuffers {
    private static final int KEPT = 768;
    private static final ConcurrentLinkedQueue<ByteBuffer> FREE = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger FREE_COUNT = new AtomicInteger();

    private HandshakeBuffers() {
    }

    /** An empty heap buffer of at least {@code capacity} bytes. */
    static ByteBuffer take(int capacity) {
        ByteBuffer buffer = FREE.poll();
        if (buffer != null) {
            FREE_COUNT.decrementAndGet();
            if (buffer.capacity() >= capacity) {
                return buffer.clear();
            }
        }
        return ByteBuffer.allocate(capacity);
    }

    /** Gives {@code buffer} back; its owner must not touch it again. */
    static void give(ByteBuffer buffer) {
        if (FREE_COUNT.incrementAndGet() <= KEPT) {
            FREE.offer(buffer);
        } else {
            FREE_COUNT.decrementAndGet();
        }
    }
}
