package org.certcheck.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.certcheck.crypto.CurveProvider;

/**
 * A real TLS server on loopback that presents exactly the chain it is given (in that order, with
 * whatever defects it has), completes handshakes and closes. Used by the demo and the tests.
 */
public final class TlsServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread acceptor;

    private TlsServer(ServerSocket socket, Consumer<Socket> handler, String name) {
        this.socket = socket;
        this.acceptor = new Thread(() -> acceptLoop(handler), "certcheck-demo-" + name);
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** Serves {@code chain} (leaf first, sent as is) with the leaf's private key, on an ephemeral port. */
    public static TlsServer start(InetAddress address, List<X509Certificate> chain, PrivateKey key) throws IOException {
        SSLServerSocket server = (SSLServerSocket) context(chain, key).getServerSocketFactory()
                .createServerSocket(0, 256, address);
        return new TlsServer(server, TlsServer::handshakeAndClose, "tls");
    }

    /** As {@link #start(InetAddress, List, PrivateKey)} on a given port (0: ephemeral), e.g. the port of a server it replaces. */
    public static TlsServer start(InetAddress address, int port, List<X509Certificate> chain, PrivateKey key)
            throws IOException {
        SSLServerSocket server = (SSLServerSocket) context(chain, key).getServerSocketFactory()
                .createServerSocket(port, 256, address);
        return new TlsServer(server, TlsServer::handshakeAndClose, "tls");
    }

    /** Accepts TCP connections and never says a word: the handshake timeout must end the probe. */
    public static TlsServer silent(InetAddress address) throws IOException {
        return new TlsServer(new ServerSocket(0, 256, address), TlsServer::holdOpen, "silent");
    }

    /** Answers like a plain HTTP server on a port where TLS was expected. */
    public static TlsServer plainHttp(InetAddress address) throws IOException {
        return new TlsServer(new ServerSocket(0, 256, address), TlsServer::answerHttp, "http");
    }

    /** A port on which nothing listens (bound, then released at once). */
    public static int closedPort(InetAddress address) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            return probe.getLocalPort();
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static SSLContext context(List<X509Certificate> chain, PrivateKey key) {
        try {
            CurveProvider.preferForThisProcess(); // the JDK's TLS with faster curves
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new FixedKeyManager(chain, key)}, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up a TLS server context", e);
        }
    }

    private void acceptLoop(Consumer<Socket> handler) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread worker = new Thread(() -> handler.accept(connection), acceptor.getName() + "-conn");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void handshakeAndClose(Socket connection) {
        try (connection) {
            connection.setSoTimeout(30_000);
            ((SSLSocket) connection).startHandshake();
            // Wait for the client to close, so it can read everything we sent.
            connection.getInputStream().read();
        } catch (IOException e) {
            // A client that hangs up early or rejects us is normal for a test server.
        }
    }

    private static void holdOpen(Socket connection) {
        try (connection; InputStream in = connection.getInputStream()) {
            connection.setSoTimeout(0);
            while (in.read() >= 0) {
                // Swallow the ClientHello and stay silent until the client gives up.
            }
        } catch (IOException e) {
            // The client timing out and closing is the point.
        }
    }

    private static void answerHttp(Socket connection) {
        try (connection) {
            connection.setSoTimeout(5_000);
            connection.getInputStream().read(new byte[4096]);
            connection.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 11\r\nConnection: close\r\n\r\nplain HTTP\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            connection.getOutputStream().flush();
            connection.shutdownOutput();
            connection.getInputStream().read();
        } catch (SocketException e) {
            // The TLS client resets as soon as it sees HTTP.
        } catch (IOException e) {
            // Same: nothing to report from a test server.
        }
    }
}
