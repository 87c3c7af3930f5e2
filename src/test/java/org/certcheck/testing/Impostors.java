package org.certcheck.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509KeyManager;

/**
 * Servers that present a real chain without holding its private key, as someone who replays a
 * server's certificate would (issue 14): they sign with another key, stop after the Certificate
 * message, or answer only the clear-text legacy hello. Each is a {@link RawServer} on loopback.
 */
public final class Impostors {
    private Impostors() {
    }

    /**
     * A JSSE server speaking {@code protocol} that sends {@code chain} but signs the handshake with
     * {@code wrongKey} (of the same type): TLS 1.3 gets a CertificateVerify, TLS 1.2 ECDHE a
     * ServerKeyExchange, whose signature does not verify with the certificate's key.
     */
    public static RawServer signingWithAnotherKey(List<X509Certificate> chain, PrivateKey wrongKey, String protocol)
            throws IOException {
        SSLContext context = context(chain, wrongKey);
        return new RawServer(connection -> {
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(connection, null,
                    connection.getPort(), true);
            tls.setUseClientMode(false);
            tls.setEnabledProtocols(new String[] {protocol});
            tls.setSoTimeout(10_000);
            try (tls) {
                tls.startHandshake();
                tls.getInputStream().read();
            }
        });
    }

    /**
     * A relay in front of the real TLS 1.3 server at {@code upstreamPort} that passes the server's
     * records on up to and including its Certificate message and then hangs up: the client has the
     * genuine chain and nothing else (no CertificateVerify, no Finished). JSSE writes one record per
     * handshake message; after ServerHello and ChangeCipherSpec the second encrypted record is the
     * Certificate (RFC 8446 section 2: EncryptedExtensions, Certificate, CertificateVerify, Finished).
     */
    public static RawServer closingAfterCertificate(int upstreamPort) throws IOException {
        return new RawServer(client -> {
            try (Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
                Thread up = new Thread(() -> {
                    try {
                        client.getInputStream().transferTo(server.getOutputStream());
                    } catch (IOException ignored) {
                        // either side hung up
                    }
                });
                up.setDaemon(true);
                up.start();
                DataInputStream in = new DataInputStream(server.getInputStream());
                OutputStream out = client.getOutputStream();
                for (int encrypted = 0; encrypted < 2; ) {
                    int type = in.readUnsignedByte();
                    int version = in.readUnsignedShort();
                    int length = in.readUnsignedShort();
                    byte[] fragment = in.readNBytes(length);
                    out.write(new byte[] {(byte) type, (byte) (version >> 8), (byte) version, (byte) (length >> 8),
                        (byte) length});
                    out.write(fragment);
                    out.flush();
                    if (type == 23) {
                        encrypted++;
                    }
                }
            }
        });
    }

    /**
     * Refuses every ClientHello with a handshake_failure alert except certcheck's legacy one (it
     * offers RC4, which the JVM never does), which it answers in the clear with a TLS 1.2 ServerHello
     * and {@code chain}, then hangs up: a certificate anyone could have sent.
     */
    public static RawServer plaintextToLegacyHello(List<byte[]> chain) throws IOException {
        byte[] certificate = TlsBytes.certificate(chain);
        return new RawServer(connection -> {
            byte[] hello = TlsBytes.readClientHello(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            if (TlsBytes.offers(hello, 0x0005)) {
                out.write(TlsBytes.serverHello(TlsBytes.chooseCipherSuite(hello)));
                out.write(certificate);
            } else {
                out.write(TlsBytes.records(TlsBytes.ALERT, new byte[] {2, 40}));
            }
            out.flush();
            try {
                connection.getInputStream().read();
            } catch (SocketException ignored) {
                // the client hung up
            }
        });
    }

    private static SSLContext context(List<X509Certificate> chain, PrivateKey key) {
        X509KeyManager keys = new X509KeyManager() {
            @Override
            public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, Socket socket) {
                return null;
            }

            @Override
            public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
                return new String[] {"server"};
            }

            @Override
            public String chooseServerAlias(String keyType, java.security.Principal[] issuers, Socket socket) {
                return "server"; // JSSE itself skips a key of the wrong type
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return chain.toArray(X509Certificate[]::new);
            }

            @Override
            public PrivateKey getPrivateKey(String alias) {
                return key;
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {keys}, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the impostor's context", e);
        }
    }
}
