package org.certcheck.aia;

import java.net.Authenticator;
import java.net.ProxySelector;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.certcheck.tls.LazyHttpClient;
import org.certcheck.validate.IssuerFetcher;

/**
 * Fetches caIssuers URLs over HTTP(S) with a time limit and a size cap (a CA certificate is a few
 * kilobytes), once per URL per run: a fleet behind one missing intermediate asks once.
 */
public final class CaIssuersFetcher implements IssuerFetcher {
    private static final int MAX_BYTES = 256 * 1024;

    private final LazyHttpClient client;
    private final Duration timeout;
    private final Map<URI, Fetched> cache = new ConcurrentHashMap<>();

    public CaIssuersFetcher(Duration timeout) {
        this(timeout, Optional.empty(), Optional.empty());
    }

    /**
     * @param proxies       which proxy each URL goes through (certcheck's {@code --proxy}); empty for direct
     * @param authenticator answers a proxy's 407, when its URL had credentials
     */
    public CaIssuersFetcher(Duration timeout, Optional<ProxySelector> proxies, Optional<Authenticator> authenticator) {
        this.timeout = timeout;
        this.client = new LazyHttpClient(() -> {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL);
            proxies.ifPresent(builder::proxy);
            authenticator.ifPresent(builder::authenticator);
            return builder.build();
        });
    }

    @Override
    public Fetched fetch(URI uri) {
        return cache.computeIfAbsent(uri, this::get);
    }

    private Fetched get(URI uri) {
        try {
            HttpResponse<InputStream> response = client.get().send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return new Fetched.Failed("HTTP status " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                return bytes.length > MAX_BYTES ? new Fetched.Failed("more than " + MAX_BYTES + " bytes")
                        : new Fetched.Body(bytes);
            }
        } catch (IOException | IllegalArgumentException e) {
            return new Fetched.Failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetched.Failed("interrupted");
        }
    }
}
