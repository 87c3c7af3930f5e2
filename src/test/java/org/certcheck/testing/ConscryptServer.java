package org.certcheck.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.certcheck.pki.HeldCertificate;
import org.conscrypt.Conscrypt;

/**
 * A TLS server on loopback made with Conscrypt (BoringSSL), which, unlike Debian 12's OpenSSL 3.0
 * and the JDK, can serve the hybrid post-quantum group X25519MLKEM768. It accepts only the named
 * groups it is given ({@code X25519MLKEM768}, {@code X25519}, {@code P-256}, {@code P-384},
 * {@code P-521}) and answers each handshake, one connection at a time, until closed.
 */
public final class ConscryptServer implements AutoCloseable {
    private static final Provider PROVIDER = Conscrypt.newProvider();

    private final SSLServerSocket socket;
    private final Thread acceptor;

    private ConscryptServer(SSLServerSocket socket, String[] groups) {
        this.socket = socket;
        this.acceptor = new Thread(() -> serve(groups), "conscrypt-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Serves {@code leaf} and {@code chain}, agreeing only on {@code groups}. */
    public static ConscryptServer start(List<String> groups, HeldCertificate leaf, HeldCertificate... chain)
            throws IOException {
        try {
            List<X509Certificate> certificates = new ArrayList<>(List.of(leaf.certificate()));
            for (HeldCertificate c : chain) {
                certificates.add(c.certificate());
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", leaf.privateKey(), new char[0], certificates.toArray(X509Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
            keyManagers.init(keys, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS", PROVIDER);
            context.init(keyManagers.getKeyManagers(), null, null);
            SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return new ConscryptServer(server, groups.toArray(String[]::new));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a Conscrypt test server", e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve(String[] groups) {
        while (!socket.isClosed()) {
            try (SSLSocket connection = (SSLSocket) socket.accept()) {
                Conscrypt.setNamedGroups(connection, groups);
                connection.setSoTimeout(5_000);
                connection.startHandshake();
                connection.getOutputStream().flush();
                connection.getInputStream().read(); // until the client closes
            } catch (SocketException closed) {
                if (socket.isClosed()) {
                    return;
                }
            } catch (IOException e) {
                // A client that agreed on no group fails here; the next one is served.
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
