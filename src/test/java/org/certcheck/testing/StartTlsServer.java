package org.certcheck.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A loopback server that speaks a protocol's plaintext preamble (a {@link Dialogue}) and then, if
 * the dialogue agreed, turns the same connection into a TLS server connection, as real mail,
 * directory and database servers do.
 */
public final class StartTlsServer implements AutoCloseable {
    /** The server's side of the preamble; returns true when TLS should start. */
    @FunctionalInterface
    public interface Dialogue {
        boolean speak(Plain plain) throws IOException;
    }

    /** The plaintext connection, read one byte at a time so nothing meant for TLS is swallowed. */
    public static final class Plain {
        private final InputStream in;
        private final OutputStream out;

        Plain(Socket socket) throws IOException {
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        public String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new java.io.EOFException("client closed");
                }
                line.write(b);
            }
            return line.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r$", "");
        }

        /** Bytes up to and including {@code last}. */
        public String readThrough(char last) throws IOException {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            for (int b = in.read(); ; b = in.read()) {
                if (b < 0) {
                    throw new java.io.EOFException("client closed");
                }
                text.write(b);
                if (b == last) {
                    return text.toString(StandardCharsets.ISO_8859_1);
                }
            }
        }

        public byte[] readExactly(int count) throws IOException {
            byte[] bytes = in.readNBytes(count);
            if (bytes.length < count) {
                throw new java.io.EOFException("client closed");
            }
            return bytes;
        }

        public void send(String text) throws IOException {
            send(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        public void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }
    }

    /** Speaks TLS from the first byte: no preamble. */
    public static final Dialogue DIRECT_TLS = plain -> true;

    private final ServerSocket socket;
    private final List<List<String>> serverNames = new CopyOnWriteArrayList<>();
    private final List<String> clientCertificates = new CopyOnWriteArrayList<>();
    private volatile Consumer<SSLSocket> tuning = secure -> { };

    private StartTlsServer(ServerSocket socket, SSLContext tls, Dialogue dialogue) {
        this.socket = socket;
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    Thread worker = new Thread(() -> serve(connection, tls, dialogue), "starttls-test-conn");
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "starttls-test");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on 127.0.0.1, an ephemeral port. */
    public static StartTlsServer start(SSLContext tls, Dialogue dialogue) throws IOException {
        return new StartTlsServer(new ServerSocket(0, 64, InetAddress.getLoopbackAddress()), tls, dialogue);
    }

    /** Listens on {@code address}, e.g. 127.0.0.3 and the port another server got on 127.0.0.2. */
    public static StartTlsServer start(InetSocketAddress address, SSLContext tls, Dialogue dialogue) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(address, 64);
        return new StartTlsServer(socket, tls, dialogue);
    }

    /**
     * The SNI host names of each completed handshake, in order (an empty list for a ClientHello
     * without SNI), once at least {@code handshakes} were recorded or five seconds passed: the
     * client may finish before this server's thread has noted its side.
     */
    public List<List<String>> serverNames(int handshakes) {
        return awaited(serverNames, handshakes);
    }

    /** Applies {@code settings} to each TLS connection before its handshake, e.g. to require client certificates. */
    public StartTlsServer tuning(Consumer<SSLSocket> settings) {
        this.tuning = settings;
        return this;
    }

    /** The subject of the client certificate of each handshake that had one, awaited like {@link #serverNames(int)}. */
    public List<String> clientCertificates(int handshakes) {
        return awaited(clientCertificates, handshakes);
    }

    private static <T> List<T> awaited(List<T> recorded, int count) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (recorded.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.copyOf(recorded);
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve(Socket connection, SSLContext tls, Dialogue dialogue) {
        try (connection) {
            connection.setSoTimeout(30_000);
            if (!dialogue.speak(new Plain(connection))) {
                connection.getInputStream().read();
                return;
            }
            try (SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(connection,
                    connection.getInetAddress().getHostAddress(), connection.getPort(), true)) {
                secure.setUseClientMode(false);
                tuning.accept(secure);
                secure.startHandshake();
                try {
                    clientCertificates.add(((java.security.cert.X509Certificate) secure.getSession()
                            .getPeerCertificates()[0]).getSubjectX500Principal().getName());
                } catch (javax.net.ssl.SSLPeerUnverifiedException none) {
                    // No client certificate: most tests.
                }
                serverNames.add(((ExtendedSSLSession) secure.getSession()).getRequestedServerNames().stream()
                        .map(name -> ((SNIHostName) name).getAsciiName()).toList());
                secure.getInputStream().read();
            }
        } catch (IOException e) {
            // Clients hang up, misbehave on purpose, or time out: the test asserts the client's view.
        }
    }
}
