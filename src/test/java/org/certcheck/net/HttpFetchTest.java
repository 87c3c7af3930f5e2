package org.certcheck.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.certcheck.testing.RawServer;
import org.junit.jupiter.api.Test;

/**
 * One bounded HTTP exchange against real servers on loopback, some of them hostile: what the
 * fetch gives back, and how long it takes to give up.
 */
class HttpFetchTest {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Map<String, String> ACCEPT_ANY = Map.of("Accept", "*/*");

    private final List<String> heads = new CopyOnWriteArrayList<>();

    private static HttpFetch fetch(Duration timeout, long maxBodyBytes) {
        return new HttpFetch(timeout, maxBodyBytes, Optional.empty(), Optional.empty());
    }

    private static URI url(RawServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** Answers every request on a connection with {@code status} and {@code body}, recording each request head. */
    private RawServer answering(int status, String body, String... headers) throws IOException {
        return new RawServer(connection -> {
            for (String head = request(connection); head != null; head = request(connection)) {
                heads.add(head);
                reply(connection, status, body, headers);
            }
        });
    }

    @Test
    void bodyDrippedPastTheTimeoutFailsAtTheDeadline() throws Exception {
        try (RawServer drip = new RawServer(connection -> {
            head(connection);
            OutputStream out = connection.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 1000; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(200);
            }
        })) {
            Timed timed = timed(() -> fetch(ONE_SECOND, 1 << 20).get(url(drip, "/slow.crl"), ACCEPT_ANY));

            assertThat(timed.outcome()).isEqualTo(new HttpOutcome.Failed("no complete answer within 1 s"));
            assertThat(timed.elapsed()).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void bodyThatStopsHalfwayFailsAtTheDeadline() throws Exception {
        try (RawServer stall = new RawServer(connection -> {
            head(connection);
            connection.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nhalf"
                    .getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(10_000);
        })) {
            Timed timed = timed(() -> fetch(ONE_SECOND, 1 << 20).get(url(stall, "/stalled.crl"), ACCEPT_ANY));

            assertThat(timed.outcome()).isEqualTo(new HttpOutcome.Failed("no complete answer within 1 s"));
            assertThat(timed.elapsed()).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void serverThatNeverAnswersFailsAtTheDeadline() throws Exception {
        try (RawServer silent = new RawServer(connection -> {
            head(connection);
            Thread.sleep(10_000);
        })) {
            Timed timed = timed(() -> fetch(ONE_SECOND, 1 << 20).post(url(silent, "/ocsp"), ACCEPT_ANY, new byte[] {1}));

            assertThat(timed.outcome()).isEqualTo(new HttpOutcome.Failed("no answer within 1 s"));
            assertThat(timed.elapsed()).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void headersDrippedPastTheTimeoutFailAtTheDeadline() throws Exception {
        try (RawServer drip = new RawServer(connection -> {
            head(connection);
            OutputStream out = connection.getOutputStream();
            for (byte b : "HTTP/1.1 200 OK\r\nX-Padding: ".getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(200);
            }
            for (int i = 0; i < 1000; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(200);
            }
        })) {
            Timed timed = timed(() -> fetch(ONE_SECOND, 1 << 20).get(url(drip, "/slow.crl"), ACCEPT_ANY));

            assertThat(timed.outcome()).isEqualTo(new HttpOutcome.Failed("no answer within 1 s"));
            assertThat(timed.elapsed()).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void declaredLengthAboveTheCapFailsWithoutReadingTheBody() throws Exception {
        try (RawServer huge = new RawServer(connection -> {
            head(connection);
            connection.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2049\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(10_000);
        })) {
            Timed timed = timed(() -> fetch(Duration.ofSeconds(5), 2048).get(url(huge, "/huge.crl"), ACCEPT_ANY));

            assertThat(timed.outcome()).isEqualTo(new HttpOutcome.Failed("the response is larger than 2 KiB"));
            assertThat(timed.elapsed()).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void chunkedBodyThatGrowsPastTheCapFails() throws Exception {
        try (RawServer endless = new RawServer(connection -> {
            head(connection);
            OutputStream out = connection.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("400\r\n" + "x".repeat(1024) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(chunk);
            }
        })) {
            HttpOutcome outcome = fetch(Duration.ofSeconds(5), 64 * 1024).get(url(endless, "/endless.crl"), ACCEPT_ANY);

            assertThat(outcome).isEqualTo(new HttpOutcome.Failed("the response is larger than 64 KiB"));
        }
    }

    @Test
    void bodyUpToTheCapComesBackWhole() throws Exception {
        String body = "y".repeat(2048);
        try (RawServer server = answering(200, body, "Content-Type: application/pkix-crl")) {
            HttpOutcome outcome = fetch(ONE_SECOND, 2048).get(url(server, "/exact.crl"), ACCEPT_ANY);

            assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.Response.class, response -> {
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.contentType()).isEqualTo("application/pkix-crl");
                assertThat(new String(response.body(), StandardCharsets.US_ASCII)).isEqualTo(body);
            });
        }
    }

    @Test
    void postSendsItsBodyAndHeadersOverHttp11AsCertcheck() throws Exception {
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        try (RawServer responder = new RawServer(connection -> {
            String head = head(connection);
            heads.add(head);
            int length = Integer.parseInt(header(head, "Content-Length"));
            bodies.add(connection.getInputStream().readNBytes(length));
            reply(connection, 200, "answer", "Content-Type: application/ocsp-response");
        })) {
            HttpOutcome outcome = fetch(ONE_SECOND, 1024).post(url(responder, "/ocsp"),
                    Map.of("Content-Type", "application/ocsp-request", "Accept", "application/ocsp-response"),
                    new byte[] {0x30, 0x03, 0x02, 0x01, 0x07});

            assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.Response.class,
                    response -> assertThat(response.body()).asString().isEqualTo("answer"));
            assertThat(heads.get(0)).startsWith("POST /ocsp HTTP/1.1\r\n");
            assertThat(header(heads.get(0), "User-Agent")).isEqualTo("certcheck");
            assertThat(header(heads.get(0), "Content-Type")).isEqualTo("application/ocsp-request");
            assertThat(header(heads.get(0), "Accept")).isEqualTo("application/ocsp-response");
            assertThat(bodies.get(0)).containsExactly(0x30, 0x03, 0x02, 0x01, 0x07);
        }
    }

    @Test
    void errorStatusComesBackWithItsBody() throws Exception {
        try (RawServer server = answering(503, "try later", "Content-Type: text/plain")) {
            HttpOutcome outcome = fetch(ONE_SECOND, 1024).get(url(server, "/busy.crl"), ACCEPT_ANY);

            assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.Response.class, response -> {
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.contentType()).isEqualTo("text/plain");
                assertThat(response.body()).asString().isEqualTo("try later");
            });
        }
    }

    @Test
    void redirectsAreFollowedAndA303TurnsAPostIntoAGet() throws Exception {
        try (RawServer target = answering(200, "moved here");
             RawServer moved = answering(303, "", "Location: " + url(target, "/new.crl"))) {
            HttpOutcome outcome = fetch(ONE_SECOND, 1024).post(url(moved, "/old"),
                    Map.of("Content-Type", "application/ocsp-request"), new byte[] {1, 2, 3});

            assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.Response.class,
                    response -> assertThat(response.body()).asString().isEqualTo("moved here"));
            assertThat(heads).extracting(head -> head.lines().findFirst().orElseThrow())
                    .containsExactly("POST /old HTTP/1.1", "GET /new.crl HTTP/1.1");
            assertThat(header(heads.get(1), "Content-Type")).isNull();
        }
    }

    @Test
    void redirectToAFileOrAnotherSchemeIsNotFollowed() throws Exception {
        for (String location : List.of("file:///etc/passwd", "ldap://dir.corp.test/cn=CA", "ftp://ftp.corp.test/ca.crl")) {
            heads.clear();
            try (RawServer moved = answering(302, "", "Location: " + location)) {
                HttpOutcome outcome = fetch(ONE_SECOND, 1024).get(url(moved, "/ca.crl"), ACCEPT_ANY);

                assertThat(outcome).as(location).isInstanceOfSatisfying(HttpOutcome.Response.class,
                        response -> assertThat(response.status()).isEqualTo(302));
                assertThat(heads).as(location).hasSize(1);
            }
        }
    }

    @Test
    void redirectLoopEndsAfterFiveRedirectsWithTheLastAnswer() throws Exception {
        try (RawServer loop = answering(302, "", "Location: /again")) {
            HttpOutcome outcome = fetch(ONE_SECOND, 1024).get(url(loop, "/again"), ACCEPT_ANY);

            assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.Response.class,
                    response -> assertThat(response.status()).isEqualTo(302));
            assertThat(heads).hasSize(6);
        }
    }

    @Test
    void refusedConnectionSaysSo() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        assertThat(fetch(ONE_SECOND, 1024).get(URI.create("http://127.0.0.1:" + closed + "/x.crl"), ACCEPT_ANY))
                .isEqualTo(new HttpOutcome.Failed("connection refused or unreachable"));
    }

    @Test
    void unknownNameSaysItCannotBeResolved() {
        assertThat(fetch(ONE_SECOND, 1024).get(URI.create("http://crl.nowhere.test/x.crl"), ACCEPT_ANY))
                .isEqualTo(new HttpOutcome.Failed("the host name cannot be resolved"));
    }

    @Test
    void onlyHttpUrlsAreFetched() {
        assertThat(fetch(ONE_SECOND, 1024).get(URI.create("ldap://dir.corp.test/cn=CA?certificateRevocationList"),
                ACCEPT_ANY)).isEqualTo(new HttpOutcome.Failed("not an http:// or https:// URL"));
    }

    @Test
    void httpUrlsGoToTheProxyInAbsoluteForm() throws Exception {
        try (RawServer proxy = answering(200, "from the proxy")) {
            HttpFetch viaProxy = new HttpFetch(ONE_SECOND, 1024, Optional.of(new FetchProxies(proxyChoice(proxy, ""))),
                    Optional.empty());

            HttpOutcome outcome = viaProxy.get(URI.create("http://crl.corp.example/issuing.crl"), ACCEPT_ANY);

            assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.Response.class,
                    response -> assertThat(response.body()).asString().isEqualTo("from the proxy"));
            assertThat(heads.get(0)).startsWith("GET http://crl.corp.example/issuing.crl HTTP/1.1\r\n");
        }
    }

    @Test
    void proxyChallengeIsAnsweredWithTheProxyUrlsCredentials() throws Exception {
        String expected = "Basic YWxpY2U6czM6Y3JldA=="; // alice:s3:cret
        try (RawServer proxy = new RawServer(connection -> {
            for (String head = request(connection); head != null; head = request(connection)) {
                heads.add(head);
                if (expected.equals(header(head, "Proxy-Authorization"))) {
                    reply(connection, 200, "authenticated");
                } else {
                    reply(connection, 407, "", "Proxy-Authenticate: Basic realm=\"corp\"");
                }
            }
        })) {
            FetchProxies selector = new FetchProxies(proxyChoice(proxy, "alice:s3:cret@"));
            HttpFetch viaProxy = new HttpFetch(ONE_SECOND, 1024, Optional.of(selector), selector.authenticator());

            HttpOutcome outcome = viaProxy.post(URI.create("http://ocsp.corp.example/"),
                    Map.of("Content-Type", "application/ocsp-request"), new byte[] {1});

            assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.Response.class,
                    response -> assertThat(response.body()).asString().isEqualTo("authenticated"));
            assertThat(heads).hasSize(2);
        }
    }

    @Test
    void manyFetchesAtOnceEachGetTheirOwnAnswer() throws Exception {
        try (RawServer server = new RawServer(connection -> {
            for (String head = head(connection); head != null; head = head(connection)) {
                reply(connection, 200, head.lines().findFirst().orElseThrow().split(" ")[1]);
            }
        })) {
            HttpFetch shared = fetch(Duration.ofSeconds(10), 1024);
            ExecutorService threads = Executors.newFixedThreadPool(32);
            try {
                List<Future<HttpOutcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    URI uri = url(server, "/" + i + ".crl");
                    outcomes.add(threads.submit(() -> shared.get(uri, ACCEPT_ANY)));
                }
                for (int i = 0; i < outcomes.size(); i++) {
                    int n = i;
                    assertThat(outcomes.get(i).get()).isInstanceOfSatisfying(HttpOutcome.Response.class,
                            response -> assertThat(response.body()).asString().isEqualTo("/" + n + ".crl"));
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static ProxyChoice proxyChoice(RawServer proxy, String credentials) {
        return new ProxyChoice(Optional.of(new HttpProxy("127.0.0.1", proxy.port(),
                credentials.isEmpty() ? Optional.empty() : Optional.of(credentials.substring(0, credentials.length() - 1)))),
                NoProxy.NONE);
    }

    private record Timed(HttpOutcome outcome, Duration elapsed) {
    }

    private static Timed timed(java.util.function.Supplier<HttpOutcome> fetch) {
        long start = System.nanoTime();
        HttpOutcome outcome = fetch.get();
        return new Timed(outcome, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Reads a whole request (a body by its Content-Length) and returns its head; null at the end of the connection. */
    private static String request(Socket connection) throws IOException {
        String head = head(connection);
        String length = head == null ? null : header(head, "Content-Length");
        if (length != null) {
            connection.getInputStream().readNBytes(Integer.parseInt(length));
        }
        return head;
    }

    /** The request line and headers up to the blank line; null at the end of the connection. */
    private static String head(Socket connection) throws IOException {
        InputStream in = connection.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String header(String head, String name) {
        return head.lines().skip(1).filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                .map(line -> line.substring(name.length() + 1).trim()).findFirst().orElse(null);
    }

    private static void reply(Socket connection, int status, String body, String... headers) throws IOException {
        StringBuilder reply = new StringBuilder("HTTP/1.1 " + status + " Status\r\n");
        for (String header : headers) {
            reply.append(header).append("\r\n");
        }
        reply.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
        connection.getOutputStream().write(reply.toString().getBytes(StandardCharsets.ISO_8859_1));
        connection.getOutputStream().flush();
    }
}
