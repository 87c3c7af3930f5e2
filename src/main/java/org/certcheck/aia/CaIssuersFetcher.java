package org.certcheck.aia;

import java.net.Authenticator;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.certcheck.net.FetchOnce;
import org.certcheck.net.FetchRules;
import org.certcheck.net.HttpFetch;
import org.certcheck.net.HttpOutcome;
import org.certcheck.validate.IssuerFetcher;

/**
 * Fetches caIssuers URLs over HTTP(S) with a time limit and a size cap (a CA certificate is a few
 * kilobytes), once per URL per run: a fleet behind one missing intermediate asks once.
 */
public final class CaIssuersFetcher implements IssuerFetcher {
    private static final int MAX_BYTES = 256 * 1024;
    /** RFC 5280 section 4.2.2.1: a DER certificate, or a certs-only CMS bundle. */
    private static final Map<String, String> ACCEPT = Map.of("Accept", "application/pkix-cert, application/pkcs7-mime, */*");

    private final HttpFetch http;
    private final FetchOnce<URI, Fetched> cache = new FetchOnce<>();

    public CaIssuersFetcher(Duration timeout) {
        this(timeout, Optional.empty(), Optional.empty());
    }

    /**
     * @param proxies       which proxy each URL goes through (certcheck's {@code --proxy}); empty for the
     *                      JVM's default
     * @param authenticator answers a proxy's 407, when its URL had credentials
     */
    public CaIssuersFetcher(Duration timeout, Optional<ProxySelector> proxies, Optional<Authenticator> authenticator) {
        this(timeout, proxies, authenticator, FetchRules.OPEN);
    }

    /** @param rules which addresses may be fetched from ({@code --fetch-policy}), and the trust of https:// URLs */
    public CaIssuersFetcher(Duration timeout, Optional<ProxySelector> proxies, Optional<Authenticator> authenticator,
            FetchRules rules) {
        this.http = new HttpFetch(timeout, MAX_BYTES, proxies, authenticator, rules);
    }

    @Override
    public Fetched fetch(URI uri) {
        return cache.get(uri, () -> get(uri));
    }

    private Fetched get(URI uri) {
        HttpOutcome outcome = http.get(uri, ACCEPT);
        if (outcome instanceof HttpOutcome.Failed failed) {
            return new Fetched.Failed(failed.reason());
        }
        HttpOutcome.Response response = (HttpOutcome.Response) outcome;
        return response.status() == 200 ? new Fetched.Body(response.body())
                : new Fetched.Failed("HTTP status " + response.status());
    }
}
