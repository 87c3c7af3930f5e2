package org.certcheck.net;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The plaintext part of a STARTTLS connection, with limits: only the time spent waiting for the
 * server counts against the budget (as in the TLS handshake that follows), no line may exceed
 * {@value #MAX_LINE} bytes and no preamble {@value #MAX_TOTAL} bytes.
 *
 * <p>It reads one byte at a time, never ahead: the bytes after the server's last plaintext answer
 * belong to TLS, and a buffered reader would swallow them (or wait for more that never come).
 * Preambles are a few hundred bytes, so the cost does not matter.
 */
public final class Conversation {
    static final int MAX_LINE = 8 * 1024;
    static final int MAX_TOTAL = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String protocol;
    private long remainingNanos;
    private long bytesRead;

    /**
     * @param protocol    the protocol's name for messages, e.g. {@code SMTP}
     * @param budgetNanos how long the server may keep us waiting, in all
     */
    public Conversation(Socket socket, String protocol, long budgetNanos) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.protocol = protocol;
        this.remainingNanos = budgetNanos;
    }

    /** What is left of the budget, for the TLS handshake that follows. */
    public long remainingNanos() {
        return Math.max(0, remainingNanos);
    }

    /** The protocol's name for messages, e.g. {@code SMTP}. */
    public String protocol() {
        return protocol;
    }

    /** Our address on this connection, for greetings such as SMTP's EHLO. */
    public InetAddress localAddress() {
        return socket.getLocalAddress();
    }

    public void send(String ascii) throws IOException {
        send(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * One line without its CR LF (or bare LF), one char per byte. A line longer than
     * {@value #MAX_LINE} bytes is refused: no protocol here allows one.
     */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = readByte(line);
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            if (line.size() > MAX_LINE) {
                throw new UnexpectedAnswer("the " + protocol + " server sent a line longer than " + (MAX_LINE >> 10)
                        + " KiB: " + Quoted.of(line.toByteArray()) + notThisProtocol());
            }
        }
    }

    /** Exactly {@code count} bytes. */
    public byte[] readExactly(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(count);
        while (bytes.size() < count) {
            bytes.write(readByte(bytes));
        }
        return bytes.toByteArray();
    }

    /** Bytes up to and including {@code last}, at most {@code limit} of them. */
    public String readThrough(char last, int limit) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (true) {
            int b = readByte(bytes);
            bytes.write(b);
            if (b == last) {
                return new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1);
            }
            if (bytes.size() >= limit) {
                throw new UnexpectedAnswer("the " + protocol + " server sent " + limit + " bytes without a \""
                        + last + "\": " + Quoted.of(bytes.toByteArray()) + notThisProtocol());
            }
        }
    }

    /** The hint for an answer that does not parse: the port may serve something else. */
    public String notThisProtocol() {
        return " (is this port really " + protocol + "?)";
    }

    /** One byte, charged to the budget; {@code sofar} is what the caller has of the current unit, for messages. */
    private int readByte(ByteArrayOutputStream sofar) throws IOException {
        if (remainingNanos <= 0) {
            throw timeout(sofar);
        }
        if (bytesRead >= MAX_TOTAL) {
            throw new UnexpectedAnswer("the " + protocol + " server sent more than " + (MAX_TOTAL >> 10)
                    + " KiB without agreeing to start TLS");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, remainingNanos / 1_000_000)));
        long before = System.nanoTime();
        int b;
        try {
            b = in.read();
        } catch (SocketTimeoutException e) {
            throw timeout(sofar);
        } finally {
            remainingNanos -= System.nanoTime() - before;
        }
        if (b < 0) {
            String after = sofar.size() > 0 ? " in the middle of " + Quoted.of(sofar.toByteArray()) : "";
            throw new EOFException("the server closed the connection during the " + protocol
                    + " exchange before TLS" + after);
        }
        bytesRead++;
        return b;
    }

    private SocketTimeoutException timeout(ByteArrayOutputStream sofar) {
        String after = sofar.size() > 0 ? " (it had sent " + Quoted.of(sofar.toByteArray()) + ")" : "";
        return new SocketTimeoutException("the server did not finish its " + protocol + " answer in time" + after);
    }
}
