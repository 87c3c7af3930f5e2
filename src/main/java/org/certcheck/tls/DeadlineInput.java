package org.certcheck.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input with one deadline for all reads together: each read waits at most for what is
 * left, so a server that trickles its answer a byte at a time cannot stretch a read loop past the
 * deadline the way a per-read {@code SO_TIMEOUT} would let it.
 */
final class DeadlineInput extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final long deadlineNanos;

    DeadlineInput(Socket socket, long budgetNanos) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.deadlineNanos = System.nanoTime() + budgetNanos;
    }

    @Override
    public int read() throws IOException {
        arm();
        return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        arm();
        return in.read(buffer, offset, length);
    }

    private void arm() throws IOException {
        long leftMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (leftMillis <= 0) {
            throw new SocketTimeoutException("the handshake budget is used up");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
    }
}
