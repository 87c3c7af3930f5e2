package org.certcheck.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server on loopback that publishes CRLs and answers OCSP requests, as a corporate
 * CA's web server would: each path has a handler from request body to reply, and the server counts
 * the requests per path so tests can prove what was fetched. Used by the demo and the tests.
 */
public final class RevocationServer implements AutoCloseable {
    /** What the server sends back for one request. */
    public record Reply(int status, String contentType, byte[] body) {
        public Reply {
            Objects.requireNonNull(contentType, "contentType");
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        public static Reply crl(byte[] der) {
            return new Reply(200, "application/pkix-crl", der);
        }

        public static Reply ocsp(byte[] der) {
            return new Reply(200, "application/ocsp-response", der);
        }

        public static Reply status(int status) {
            return new Reply(status, "text/plain", ("HTTP " + status + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Function<byte[], Reply>> handlers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private RevocationServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on an ephemeral port of {@code address}. */
    public static RevocationServer start(InetAddress address) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 64);
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "certcheck-revocation-server");
            thread.setDaemon(true);
            return thread;
        });
        RevocationServer revocation = new RevocationServer(server, executor);
        server.createContext("/", revocation::handle);
        server.setExecutor(executor);
        server.start();
        return revocation;
    }

    /** Serves {@code der} as a CRL at {@code path} (which starts with {@code /}); returns its URL. */
    public String publishCrl(String path, byte[] der) {
        byte[] copy = der.clone();
        return answer(path, request -> Reply.crl(copy));
    }

    /** Answers every request to {@code path} with {@code handler}; returns the path's URL. */
    public String answer(String path, Function<byte[], Reply> handler) {
        handlers.put(path, Objects.requireNonNull(handler, "handler"));
        return url(path);
    }

    /** {@code http://127.0.0.1:PORT/path}. */
    public String url(String path) {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + path;
    }

    /** How many requests {@code path} has received. */
    public int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Function<byte[], Reply> handler = handlers.get(path);
            Reply reply = handler == null ? Reply.status(404) : handler.apply(body);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }
}
