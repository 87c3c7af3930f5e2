package org.certcheck.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy on loopback that implements CONNECT (RFC 9110 section 9.3.6) for real: it resolves
 * the requested authority (through the test JVM's hosts file), connects, answers 200 and relays
 * bytes both ways. It can also refuse every request, or demand Basic credentials.
 */
public final class ConnectProxy implements AutoCloseable {
    private final ServerSocket socket;
    private final Optional<String> credentials;
    private final String refusal;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private ConnectProxy(Optional<String> credentials, String refusal) throws IOException {
        this.socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        this.credentials = credentials;
        this.refusal = refusal;
        Thread acceptor = new Thread(this::acceptLoop, "connect-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Tunnels every CONNECT. */
    public static ConnectProxy open() throws IOException {
        return new ConnectProxy(Optional.empty(), null);
    }

    /** Tunnels only requests with Basic credentials {@code user:password}; 407 otherwise. */
    public static ConnectProxy requiring(String userColonPassword) throws IOException {
        return new ConnectProxy(Optional.of(userColonPassword), null);
    }

    /** Answers every CONNECT with {@code statusLine}, e.g. {@code HTTP/1.1 403 Forbidden}. */
    public static ConnectProxy refusing(String statusLine) throws IOException {
        return new ConnectProxy(Optional.empty(), statusLine);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The request lines received, e.g. {@code CONNECT good.test:443 HTTP/1.1}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread worker = new Thread(() -> serve(client), "connect-proxy-conn");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(30_000);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String request = line(in);
            requests.add(request);
            List<String> headers = new ArrayList<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                headers.add(header);
            }
            if (refusal != null) {
                reply(out, refusal + "\r\nContent-Length: 0\r\n\r\n");
                return;
            }
            String expected = credentials.map(c -> "Proxy-Authorization: Basic "
                    + Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8))).orElse(null);
            if (expected != null && !headers.contains(expected)) {
                reply(out, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\n\r\n");
                return;
            }
            String[] words = request.split(" ");
            if (words.length != 3 || !words[0].equals("CONNECT")) {
                reply(out, "HTTP/1.1 405 Method Not Allowed\r\n\r\n");
                return;
            }
            int colon = words[1].lastIndexOf(':');
            String host = words[1].substring(0, colon).replaceAll("^\\[|\\]$", "");
            try (Socket target = new Socket()) {
                try {
                    target.connect(new InetSocketAddress(InetAddress.getByName(host),
                            Integer.parseInt(words[1].substring(colon + 1))), 5_000);
                } catch (IOException e) {
                    reply(out, "HTTP/1.1 502 Bad Gateway\r\n\r\n");
                    return;
                }
                reply(out, "HTTP/1.1 200 Connection established\r\n\r\n");
                Thread upstream = new Thread(() -> relay(in, target), "connect-proxy-up");
                upstream.setDaemon(true);
                upstream.start();
                target.getInputStream().transferTo(out);
            }
        } catch (IOException e) {
            // Either side hanging up ends the tunnel.
        }
    }

    private static void relay(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // The other direction notices too.
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new java.io.EOFException();
            }
            line.append((char) b);
        }
        return line.toString().replaceFirst("\r$", "");
    }
}
