package org.certcheck.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.certcheck.net.HttpOutcome;
import org.certcheck.testing.RawServer;
import org.junit.jupiter.api.Test;

/** The revocation fetcher's own limits, against servers on loopback that would exceed them. */
class HttpFetcherTest {
    private final HttpFetcher fetcher = new HttpFetcher(Duration.ofSeconds(5));

    @Test
    void crlDeclaredLargerThan64MebibytesFailsWithoutBeingRead() throws Exception {
        try (RawServer huge = new RawServer(connection -> {
            skipHead(connection.getInputStream());
            send(connection.getOutputStream(), "HTTP/1.1 200 OK\r\nContent-Length: " + (HttpFetcher.MAX_BODY_BYTES + 1)
                    + "\r\n\r\n");
            Thread.sleep(10_000);
        })) {
            long start = System.nanoTime();

            HttpOutcome result = fetcher.get(URI.create("http://127.0.0.1:" + huge.port() + "/huge.crl"));

            assertThat(result).isEqualTo(new HttpOutcome.Failed("the response is larger than 64 MiB"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void crlThatGrowsPast64MebibytesWithoutALengthFails() throws Exception {
        try (RawServer endless = new RawServer(connection -> {
            skipHead(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            send(out, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            byte[] block = new byte[1 << 16];
            while (true) {
                out.write(block);
            }
        })) {
            HttpOutcome result = fetcher.get(URI.create("http://127.0.0.1:" + endless.port() + "/endless.crl"));

            assertThat(result).isEqualTo(new HttpOutcome.Failed("the response is larger than 64 MiB"));
        }
    }

    @Test
    void ocspResponderThatNeverAnswersFailsWithinTheTimeout() throws Exception {
        HttpFetcher quick = new HttpFetcher(Duration.ofMillis(1500));
        try (RawServer silent = new RawServer(connection -> {
            skipHead(connection.getInputStream());
            Thread.sleep(10_000);
        })) {
            long start = System.nanoTime();

            HttpOutcome result = quick.postOcsp(URI.create("http://127.0.0.1:" + silent.port() + "/"), new byte[] {1});

            assertThat(result).isEqualTo(new HttpOutcome.Failed("no answer within 1.5 s"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    private static void skipHead(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
