package org.certcheck.revocation;

import java.net.URI;
import java.security.cert.CRLException;

import org.certcheck.net.HttpOutcome;

/**
 * The run's CRLs by URL: each is downloaded and parsed at most once, through the run's
 * {@link RevocationCache}, whether a target's lookup or the per-CA health check asks first.
 */
final class CrlDownloads {
    private final Fetcher fetcher;
    private final RevocationCache cache;

    CrlDownloads(Fetcher fetcher, RevocationCache cache) {
        this.fetcher = fetcher;
        this.cache = cache;
    }

    /** The CRL at {@code uri}, or why there is none; downloaded now only if nobody asked before. */
    RevocationCache.CrlDownload get(URI uri) {
        return cache.crl(uri, () -> download(uri));
    }

    /** True once a download of {@code uri} has started in this run. */
    boolean started(URI uri) {
        return cache.hasCrl(uri);
    }

    private RevocationCache.CrlDownload download(URI uri) {
        HttpOutcome result = fetcher.get(uri);
        if (result instanceof HttpOutcome.Failed failed) {
            return new RevocationCache.CrlDownload(null, failed.reason());
        }
        HttpOutcome.Response response = (HttpOutcome.Response) result;
        if (response.status() != 200) {
            return new RevocationCache.CrlDownload(null, "HTTP " + response.status());
        }
        try {
            return new RevocationCache.CrlDownload(RevocationList.parse(response.bodyStream(), uri.toString()), null);
        } catch (CRLException e) {
            return new RevocationCache.CrlDownload(null, "not a CRL (" + response.bodyLength() + " bytes"
                    + (response.contentType().isEmpty() ? "" : " of " + response.contentType()) + " that do not parse)");
        }
    }
}
