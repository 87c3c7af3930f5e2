package org.certcheck.tls;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * Drives a client {@link SSLEngine} through one handshake over a blocking socket.
 *
 * <p>Why an engine and not an {@code SSLSocket}: the handshake timeout must measure how long the
 * <em>server</em> takes, not how long this process waited for a CPU. With hundreds of handshakes in
 * flight on a small machine, the key exchange and signature checks of all of them compete for a
 * few cores, and a wall-clock deadline would call healthy servers silent. Here the CPU-heavy engine
 * work runs behind a gate of one permit per core, and only the time spent waiting for the server's
 * bytes counts against the budget; a server that trickles bytes still exhausts it.
 */
final class EngineHandshake {
    /** Shared by every probe of the process: engine work at most once per core at a time. */
    private static final Semaphore CPU = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
    /**
     * No sane handshake needs more (a long chain is a few KiB; Java's TLS refuses any one handshake
     * message over --max-handshake-message, 256 KiB by default); a server that floods small records is cut off here, and reported.
     */
    static final int MAX_BYTES_READ = 1 << 20;

    private final SSLEngine engine;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private long remainingNanos;
    private long bytesRead;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private final ByteBuffer netOut;
    private final BooleanSupplier certificateReceived;
    private boolean answeredCertificate;
    private final KeyExchangeTap tap = new KeyExchangeTap();
    /** The buffers went back to {@link HandshakeBuffers}: nothing may use them any more. */
    private boolean released;

    EngineHandshake(SSLEngine engine, Socket socket, long budgetNanos) throws IOException {
        this(engine, socket, budgetNanos, () -> false);
    }

    /**
     * @param certificateReceived says whether the server's Certificate message has been processed
     *                            (the recording trust manager saw the chain)
     */
    EngineHandshake(SSLEngine engine, Socket socket, long budgetNanos, BooleanSupplier certificateReceived)
            throws IOException {
        this.engine = engine;
        this.certificateReceived = certificateReceived;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.remainingNanos = budgetNanos;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = HandshakeBuffers.take(packet);
        this.netOut = HandshakeBuffers.take(packet);
        this.appIn = HandshakeBuffers.take(engine.getSession().getApplicationBufferSize());
    }

    /** Thrown when the server used up the budget; carries no stack, it is an expected outcome. */
    static final class BudgetExhausted extends SocketTimeoutException {
        private final long bytesRead;

        BudgetExhausted(long bytesRead) {
            super("handshake budget used up after " + bytesRead + " bytes from the server");
            this.bytesRead = bytesRead;
        }

        /** What the server had sent by then: none from a silent server, some from a trickling one. */
        long bytesRead() {
            return bytesRead;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Thrown when the server sent more than {@link #MAX_BYTES_READ}; an expected outcome, without a stack. */
    static final class ReadLimitExceeded extends SSLException {
        ReadLimitExceeded(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Runs the handshake to its end, or throws what went wrong (alerts, resets, timeouts, EOF). */
    void run() throws IOException {
        gated(() -> {
            engine.beginHandshake();
            return null;
        });
        while (true) {
            HandshakeStatus status = engine.getHandshakeStatus();
            switch (status) {
                case NEED_WRAP -> wrap();
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> unwrap();
                case NEED_TASK -> gated(() -> {
                    for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                        task.run();
                    }
                    return null;
                });
                case FINISHED, NOT_HANDSHAKING -> {
                    return;
                }
            }
        }
    }

    /**
     * After a TLS 1.3 handshake in which the server asked for a client certificate. The server
     * judges the client's Certificate only after the client's Finished (RFC 8446 section 4.4), so
     * its verdict is the first record after the handshake: an alert ({@code certificate_required},
     * {@code bad_certificate}) or a close when it refuses, a NewSessionTicket or data when it
     * accepts. Waits at most {@code waitNanos} of the server's time.
     *
     * @return what the server did to refuse; empty when it accepted or said nothing in time
     */
    Optional<String> refusalAfterHandshake(long waitNanos) {
        remainingNanos = waitNanos;
        try {
            while (true) {
                SSLEngineResult result = unwrapOnce();
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    return Optional.of("the server closed the TLS connection right after the handshake");
                }
                if (result.getStatus() == SSLEngineResult.Status.OK && result.bytesConsumed() > 0) {
                    return Optional.empty();
                }
            }
        } catch (SocketTimeoutException silence) {
            return Optional.empty();
        } catch (EOFException e) {
            return Optional.of("the server closed the connection right after the handshake");
        } catch (IOException e) {
            return Optional.of(FailureClassifier.describe(e));
        }
    }

    /**
     * Whether this client sent its next handshake flight after the server's Certificate message:
     * JSSE writes it only after it has consumed the server's messages up to the end of the server's
     * flight, verifying each signature on the way (TLS 1.2: ServerKeyExchange, then ServerHelloDone;
     * TLS 1.3: CertificateVerify, then Finished). A fatal alert is not a flight: the engine reports
     * itself closed after writing one.
     */
    boolean answeredCertificate() {
        return answeredCertificate;
    }

    /** The key exchange the server chose, as read from the clear part of the handshake. */
    Optional<KeyExchange> keyExchange() {
        return tap.keyExchange();
    }

    /** What is left of the budget: the server's time not yet used, for a fallback attempt on the same target. */
    long remainingNanos() {
        return Math.max(0, remainingNanos);
    }

    /**
     * Frees the engine now rather than when the garbage collector finds it: Conscrypt's native SSL
     * object holds a pipe (two file descriptors) until both directions are closed, which a fleet of
     * thousands of probes would otherwise run out of ("AppData::create pipe(2) failed").
     */
    void release() {
        engine.closeOutbound();
        try {
            engine.closeInbound();
        } catch (SSLException noCloseNotify) {
            // The server did not say goodbye: nothing to learn, the engine is closed all the same.
        }
        if (!released) {
            released = true;
            HandshakeBuffers.give(netIn);
            HandshakeBuffers.give(netOut);
            HandshakeBuffers.give(appIn);
        }
    }

    /** Says goodbye politely; failures here change nothing about what was learned. */
    void close() {
        try {
            engine.closeOutbound();
            netOut.clear();
            gated(() -> engine.wrap(ByteBuffer.allocate(0), netOut));
            netOut.flip();
            out.write(netOut.array(), 0, netOut.limit());
            out.flush();
        } catch (IOException | RuntimeException ignored) {
            // The server may already be gone.
        }
    }

    private void wrap() throws IOException {
        netOut.clear();
        SSLEngineResult result = gated(() -> engine.wrap(ByteBuffer.allocate(0), netOut));
        netOut.flip();
        if (netOut.hasRemaining()) {
            out.write(netOut.array(), 0, netOut.limit());
            out.flush();
        }
        if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
            throw new EOFException("the TLS engine closed during the handshake");
        }
        if (result.bytesProduced() > 0 && !engine.isOutboundDone() && certificateReceived.getAsBoolean()) {
            answeredCertificate = true;
        }
    }

    private void unwrap() throws IOException {
        if (unwrapOnce().getStatus() == SSLEngineResult.Status.CLOSED) {
            throw new EOFException("the server closed the TLS connection during the handshake");
        }
    }

    /** One unwrap: reads more from the server or grows a buffer when the engine asks for it. */
    private SSLEngineResult unwrapOnce() throws IOException {
        netIn.flip();
        SSLEngineResult result = gated(() -> engine.unwrap(netIn, appIn));
        netIn.compact();
        switch (result.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                if (netIn.remaining() == 0) {
                    netIn = grow(netIn, engine.getSession().getPacketBufferSize());
                }
                read();
            }
            case BUFFER_OVERFLOW -> appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
            default -> { }
        }
        return result;
    }

    /** One read from the server, charged to the budget. */
    private void read() throws IOException {
        if (remainingNanos <= 0) {
            throw new BudgetExhausted(bytesRead);
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, remainingNanos / 1_000_000)));
        long before = System.nanoTime();
        int count;
        try {
            count = in.read(netIn.array(), netIn.arrayOffset() + netIn.position(), netIn.remaining());
        } catch (SocketTimeoutException e) {
            throw new BudgetExhausted(bytesRead);
        } finally {
            remainingNanos -= System.nanoTime() - before;
        }
        if (count < 0) {
            throw new EOFException("the server closed the connection during the handshake");
        }
        tap.accept(netIn.array(), netIn.arrayOffset() + netIn.position(), count);
        netIn.position(netIn.position() + count);
        bytesRead += count;
        if (bytesRead > MAX_BYTES_READ) {
            throw new ReadLimitExceeded("the server sent more than " + (MAX_BYTES_READ >> 10)
                    + " KiB without finishing the handshake");
        }
    }

    private static ByteBuffer grow(ByteBuffer buffer, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + atLeast));
        buffer.flip();
        bigger.put(buffer);
        return bigger;
    }

    @FunctionalInterface
    private interface EngineStep<T> {
        T run() throws SSLException;
    }

    private static <T> T gated(EngineStep<T> step) throws IOException {
        try {
            CPU.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to run the handshake");
        }
        try {
            return step.run();
        } catch (RuntimeException e) {
            // JSSE signals some refusals of a server's parameters (a DH group or key it cannot use) this way:
            // an outcome of the handshake to report, not a bug of certcheck.
            throw new SSLException("the JVM's TLS stack could not use what the server sent: "
                    + FailureClassifier.describe(e), e);
        } finally {
            CPU.release();
        }
    }
}
