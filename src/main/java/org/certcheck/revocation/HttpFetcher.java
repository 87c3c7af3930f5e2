package org.certcheck.revocation;

import java.net.Authenticator;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.certcheck.net.FetchRules;
import org.certcheck.net.HttpFetch;
import org.certcheck.net.HttpOutcome;

/**
 * Fetches CRLs and asks OCSP responders over HTTP/1.1. Each call ends within {@code timeout}, body
 * included; proxies come from certcheck's {@code --proxy} when given, otherwise from the JVM's
 * default {@link ProxySelector} (the {@code http.proxyHost} family of system properties), which
 * never proxies loopback.
 */
public final class HttpFetcher implements Fetcher {
    /** Far above any corporate CRL (100,000 entries are about 4 MB), far below what would hurt. */
    static final long MAX_BODY_BYTES = 64L << 20;
    /** An OCSP response about one certificate is a few kilobytes, even with the responder's chain. */
    static final long MAX_OCSP_BYTES = 1L << 20;

    private final HttpFetch http;
    private final HttpFetch ocsp;

    public HttpFetcher(Duration timeout) {
        this(timeout, Optional.empty(), Optional.empty());
    }

    /**
     * @param proxies       which proxy each URL goes through (certcheck's {@code --proxy}); empty for the
     *                      JVM's default
     * @param authenticator answers a proxy's 407, when its URL had credentials
     */
    public HttpFetcher(Duration timeout, Optional<ProxySelector> proxies, Optional<Authenticator> authenticator) {
        this(timeout, proxies, authenticator, FetchRules.OPEN);
    }

    /** @param rules which addresses may be fetched from ({@code --fetch-policy}), and the trust of https:// URLs */
    public HttpFetcher(Duration timeout, Optional<ProxySelector> proxies, Optional<Authenticator> authenticator,
            FetchRules rules) {
        this.http = new HttpFetch(timeout, MAX_BODY_BYTES, proxies, authenticator, rules);
        this.ocsp = new HttpFetch(timeout, MAX_OCSP_BYTES, proxies, authenticator, rules);
    }

    @Override
    public HttpOutcome get(URI uri) {
        return http.get(uri, Map.of("Accept", "application/pkix-crl, */*"));
    }

    @Override
    public HttpOutcome postOcsp(URI uri, byte[] request) {
        return ocsp.post(uri, Map.of("Content-Type", "application/ocsp-request",
                "Accept", "application/ocsp-response"), request);
    }
}
