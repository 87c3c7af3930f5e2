package org.certcheck.tls;

import java.net.http.HttpClient;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An HTTP client built on first use. Building one starts threads and loads the java.net.http
 * classes; most runs (every target without an OCSP/CRL/caIssuers fetch) never need it, and it
 * was the largest part of a single-host check's start-up.
 */
public final class LazyHttpClient implements Supplier<HttpClient> {
    private final Supplier<HttpClient> factory;
    private volatile HttpClient client;

    public LazyHttpClient(Supplier<HttpClient> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public HttpClient get() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = factory.get();
                    client = built;
                }
            }
        }
        return built;
    }
}
