package org.certcheck.revocation;

import java.io.IOException;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.certcheck.tls.LazyHttpClient;

/**
 * Fetches CRLs and asks OCSP responders over HTTP/1.1 with {@link HttpClient}. Each call ends
 * within {@code timeout}, body included; proxies come from certcheck's {@code --proxy} when given,
 * otherwise from the JVM's default {@link ProxySelector} (the {@code http.proxyHost} family of
 * system properties), which never proxies loopback.
 */
public final class HttpFetcher implements Fetcher {
    /** Far above any corporate CRL (100,000 entries are about 4 MB), far below what would hurt. */
    static final long MAX_BODY_BYTES = 64L << 20;

    private final LazyHttpClient client;
    private final Duration timeout;

    public HttpFetcher(Duration timeout) {
        this(timeout, Optional.ofNullable(ProxySelector.getDefault()), Optional.empty());
    }

    /**
     * @param proxies       which proxy each URL goes through (certcheck's {@code --proxy}); empty for direct
     * @param authenticator answers a proxy's 407, when its URL had credentials
     */
    public HttpFetcher(Duration timeout, Optional<ProxySelector> proxies, Optional<Authenticator> authenticator) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = new LazyHttpClient(() -> {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL);
            proxies.ifPresent(builder::proxy);
            authenticator.ifPresent(builder::authenticator);
            return builder.build();
        });
    }

    @Override
    public FetchResult get(URI uri) {
        return exchange(HttpRequest.newBuilder(uri).GET().header("Accept", "application/pkix-crl, */*"));
    }

    @Override
    public FetchResult postOcsp(URI uri, byte[] request) {
        return exchange(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/ocsp-request")
                .header("Accept", "application/ocsp-response")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)));
    }

    private FetchResult exchange(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(timeout).header("User-Agent", "certcheck").build();
        CompletableFuture<HttpResponse<byte[]>> pending = client.get().sendAsync(request, info -> {
            long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (length > MAX_BODY_BYTES) {
                return HttpResponse.BodySubscribers.replacing(null);
            }
            return HttpResponse.BodySubscribers.ofByteArray();
        });
        try {
            // The request timeout covers the response headers only; this bounds the body too.
            HttpResponse<byte[]> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.body() == null) {
                return new FetchResult.Failed("the response is larger than " + (MAX_BODY_BYTES >> 20) + " MiB");
            }
            return new FetchResult.Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new FetchResult.Failed("no complete answer within " + seconds(timeout));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return new FetchResult.Failed("interrupted");
        } catch (ExecutionException e) {
            return new FetchResult.Failed(describe(e.getCause()));
        }
    }

    private String describe(Throwable cause) {
        if (cause instanceof java.net.http.HttpConnectTimeoutException) {
            return "no connection within " + seconds(timeout);
        }
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + seconds(timeout);
        }
        if (cause instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        if (cause instanceof java.nio.channels.UnresolvedAddressException
                || cause instanceof java.net.UnknownHostException) {
            return "the host name cannot be resolved";
        }
        if (cause instanceof IOException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return cause.toString();
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s"
                : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
