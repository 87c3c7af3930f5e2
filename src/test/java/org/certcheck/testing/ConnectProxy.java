package org.certcheck.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy on loopback that implements CONNECT (RFC 9110 section 9.3.6) for real: it resolves
 * the requested authority (through the test JVM's hosts file), connects, answers 200 and relays
 * bytes both ways. A plain {@code GET http://host:port/path} (absolute form, RFC 9112 section
 * 3.2.2, as clients send OCSP and CRL fetches) is forwarded as one request and its response relayed.
 * It can also refuse every request, or demand Basic credentials.
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

    /** The request lines received, e.g. {@code CONNECT good.test:443 HTTP/1.1} or {@code GET http://... HTTP/1.1}. */
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
            String expected = credentials.map(c -> "Basic "
                    + Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8))).orElse(null);
            // Header names are case-insensitive: the JDK's HTTP client sends "Proxy-authorization".
            if (expected != null && headers.stream().noneMatch(header -> header.regionMatches(true, 0,
                    "Proxy-Authorization:", 0, 20) && header.substring(20).trim().equals(expected))) {
                reply(out, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\n\r\n");
                return;
            }
            String[] words = request.split(" ");
            if (words.length == 3 && words[1].startsWith("http://")) {
                forward(words[0], URI.create(words[1]), headers, in, out);
                return;
            }
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

    /** One request to the origin server, in origin form and without the proxy's own headers. */
    private static void forward(String method, URI uri, List<String> headers, InputStream in, OutputStream out)
            throws IOException {
        try (Socket origin = new Socket()) {
            try {
                origin.connect(new InetSocketAddress(InetAddress.getByName(uri.getHost().replaceAll("^\\[|\\]$", "")),
                        uri.getPort() > 0 ? uri.getPort() : 80), 5_000);
            } catch (IOException e) {
                reply(out, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
                return;
            }
            StringBuilder head = new StringBuilder(method + " " + uri.getRawPath()
                    + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "") + " HTTP/1.1\r\n");
            for (String header : headers) {
                String name = header.substring(0, Math.max(0, header.indexOf(':'))).toLowerCase(Locale.ROOT);
                if (!name.startsWith("proxy-") && !name.equals("connection")) {
                    head.append(header).append("\r\n");
                }
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream toOrigin = origin.getOutputStream();
            toOrigin.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            int length = headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                    .map(h -> Integer.parseInt(h.substring(h.indexOf(':') + 1).trim())).findFirst().orElse(0);
            toOrigin.write(in.readNBytes(length));
            toOrigin.flush();
            origin.getInputStream().transferTo(out);
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
