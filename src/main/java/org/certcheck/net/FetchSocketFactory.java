package org.certcheck.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.function.Function;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS sockets of an https:// fetch: certcheck's trust, RFC 2818 hostname verification always on,
 * and the fetch policy judged on the address the TCP connection really reached, before a byte of
 * TLS is sent. {@code HttpsURLConnection} connects a plain socket itself (this factory makes no
 * unconnected sockets, so it falls back to that) and then layers TLS over it through
 * {@link #createSocket(Socket, String, int, boolean)}: the one moment the resolved, connected
 * address is known, so a name that resolves one way when checked and another when connecting
 * (DNS rebinding) cannot slip past.
 */
final class FetchSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory trusted;
    private final Function<InetAddress, Optional<String>> refusal;

    /** @param refusal why a connection to an address must go no further; empty when it may */
    FetchSocketFactory(SSLSocketFactory trusted, Function<InetAddress, Optional<String>> refusal) {
        this.trusted = trusted;
        this.refusal = refusal;
    }

    @Override
    public Socket createSocket(Socket connected, String host, int port, boolean autoClose) throws IOException {
        admit(connected);
        return verifyingHost((SSLSocket) trusted.createSocket(connected, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return admitted(trusted.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return admitted(trusted.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return admitted(trusted.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return admitted(trusted.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return trusted.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return trusted.getSupportedCipherSuites();
    }

    private Socket admitted(Socket socket) throws IOException {
        admit(socket);
        return verifyingHost((SSLSocket) socket);
    }

    private void admit(Socket connected) throws IOException {
        InetAddress address = connected.getInetAddress();
        Optional<String> refused = address == null ? Optional.of("not fetched: the connection has no address")
                : refusal.apply(address);
        if (refused.isPresent()) {
            connected.close();
            throw new FetchRefused(refused.get());
        }
    }

    /** RFC 2818 section 3.1 / RFC 6125: the certificate must name the URL's host. */
    private static SSLSocket verifyingHost(SSLSocket socket) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        return socket;
    }
}
