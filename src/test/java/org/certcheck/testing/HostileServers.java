package org.certcheck.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Loopback servers that answer a TLS client badly on purpose: with garbage, with HTTP, by hanging
 * up, by trickling, by sending more than any client should read, or certificates that do not parse.
 * Each is a {@link RawServer}; the ones that get as far as a Certificate message speak TLS 1.2
 * written by hand ({@link TlsBytes}).
 */
public final class HostileServers {
    private HostileServers() {
    }

    /** Reads the ClientHello, answers with random bytes (a fixed seed, so a failure can be replayed). */
    public static RawServer garbage() throws IOException {
        return new RawServer(connection -> {
            connection.getInputStream().read(new byte[4096]);
            byte[] junk = new byte[4096];
            new Random(8).nextBytes(junk);
            junk[0] = 0x47; // not a TLS record type, whatever the seed
            send(connection, junk);
            connection.getInputStream().read();
        });
    }

    /** A handshake record header, then random bytes: TLS on the outside, nonsense inside. */
    public static RawServer tlsLookingGarbage() throws IOException {
        return new RawServer(connection -> {
            connection.getInputStream().read(new byte[4096]);
            byte[] junk = new byte[4096];
            new Random(8).nextBytes(junk);
            System.arraycopy(TlsBytes.recordHeader(TlsBytes.HANDSHAKE, junk.length - 5), 0, junk, 0, 5);
            junk[5] = (byte) 0x9c; // no such handshake message type
            send(connection, junk);
            connection.getInputStream().read();
        });
    }

    /** An HTTP response where a ServerHello was expected. */
    public static RawServer http() throws IOException {
        return new RawServer(connection -> {
            connection.getInputStream().read(new byte[4096]);
            send(connection, ("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            connection.getInputStream().read();
        });
    }

    /** Accepts the connection and closes it at once. */
    public static RawServer acceptAndClose() throws IOException {
        return new RawServer(connection -> { });
    }

    /** Sends a proper ServerHello, then resets the connection (RST, not FIN). */
    public static RawServer resetMidHandshake() throws IOException {
        return new RawServer(connection -> {
            byte[] hello = TlsBytes.readClientHello(connection.getInputStream());
            send(connection, TlsBytes.serverHello(TlsBytes.chooseCipherSuite(hello)));
            Thread.sleep(50);
            connection.setSoLinger(true, 0);
        });
    }

    /** A fatal handshake_failure alert in answer to the ClientHello. */
    public static RawServer fatalAlert() throws IOException {
        return new RawServer(connection -> {
            TlsBytes.readClientHello(connection.getInputStream());
            send(connection, TlsBytes.records(TlsBytes.ALERT, new byte[] {2, 40}));
            connection.getInputStream().read();
        });
    }

    /** A valid ServerHello, one byte every {@code intervalMillis}: a slowloris in reverse. */
    public static RawServer trickle(long intervalMillis) throws IOException {
        return new RawServer(connection -> {
            byte[] hello = TlsBytes.readClientHello(connection.getInputStream());
            byte[] answer = TlsBytes.serverHello(TlsBytes.chooseCipherSuite(hello));
            OutputStream out = connection.getOutputStream();
            for (int i = 0; ; i = (i + 1) % answer.length) {
                out.write(answer[i]);
                out.flush();
                Thread.sleep(intervalMillis);
            }
        });
    }

    /**
     * A ServerHello and a Certificate message holding {@code certificates} verbatim (DER or not),
     * then a close: a client that accepts the message has the chain, but no finished handshake.
     */
    public static RawServer certificates(List<byte[]> certificates) throws IOException {
        byte[] message = TlsBytes.certificate(certificates);
        return new RawServer(connection -> {
            byte[] hello = TlsBytes.readClientHello(connection.getInputStream());
            send(connection, TlsBytes.serverHello(TlsBytes.chooseCipherSuite(hello)));
            send(connection, message);
        });
    }

    /** {@code count} copies of one certificate in one Certificate message. */
    public static RawServer chainOf(int count, byte[] certificate) throws IOException {
        return certificates(new ArrayList<>(Collections.nCopies(count, certificate)));
    }

    /**
     * A Certificate message that declares {@code declaredBytes} and then streams that many bytes:
     * a client that buffered it whole would hold it all in memory.
     */
    public static RawServer hugeCertificateMessage(int declaredBytes) throws IOException {
        return new RawServer(connection -> {
            byte[] hello = TlsBytes.readClientHello(connection.getInputStream());
            send(connection, TlsBytes.serverHello(TlsBytes.chooseCipherSuite(hello)));
            OutputStream out = connection.getOutputStream();
            byte[] fragment = new byte[TlsBytes.MAX_FRAGMENT];
            byte[] header = TlsBytes.handshake(11, new byte[0]);
            System.arraycopy(TlsBytes.uint24(declaredBytes), 0, header, 1, 3);
            out.write(TlsBytes.recordHeader(TlsBytes.HANDSHAKE, header.length + fragment.length - 4));
            out.write(header);
            out.write(fragment, 0, fragment.length - 4);
            for (int sent = fragment.length; sent < declaredBytes; sent += fragment.length) {
                out.write(TlsBytes.recordHeader(TlsBytes.HANDSHAKE, fragment.length));
                out.write(fragment);
            }
            out.flush();
        });
    }

    /**
     * After the ServerHello, an endless stream of TLS 1.2 HelloRequest messages, each small and
     * valid on its own: only a cap on the bytes read ends it.
     */
    public static RawServer flood() throws IOException {
        return new RawServer(connection -> {
            byte[] hello = TlsBytes.readClientHello(connection.getInputStream());
            send(connection, TlsBytes.serverHello(TlsBytes.chooseCipherSuite(hello)));
            byte[] helloRequest = TlsBytes.records(TlsBytes.HANDSHAKE, TlsBytes.handshake(0, new byte[0]));
            byte[] burst = new byte[helloRequest.length * 1024];
            for (int i = 0; i < 1024; i++) {
                System.arraycopy(helloRequest, 0, burst, i * helloRequest.length, helloRequest.length);
            }
            OutputStream out = connection.getOutputStream();
            for (int i = 0; i < 10_000; i++) {
                out.write(burst);
            }
        });
    }

    private static void send(Socket connection, byte[] bytes) throws IOException {
        connection.getOutputStream().write(bytes);
        connection.getOutputStream().flush();
    }
}
