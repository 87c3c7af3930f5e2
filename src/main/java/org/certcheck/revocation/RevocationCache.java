package org.certcheck.revocation;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.bouncycastle.cert.ocsp.CertificateID;

/**
 * What one run has already learned from the network, shared by every target and thread: each CRL
 * URL is downloaded and parsed at most once, each certificate asked of each OCSP responder at most
 * once. A thread that needs a fetch already under way waits for that fetch instead of starting its
 * own; threads that need different things never wait for each other.
 */
final class RevocationCache {
    /** A downloaded CRL, parsed, or why there is none. Exactly one of the two is set. */
    record CrlDownload(RevocationList crl, String problem) {
    }

    /** One question to one OCSP responder: about the certificate with this CertID. */
    record OcspKey(URI responder, CertificateID id) {
    }

    private final Map<URI, CompletableFuture<CrlDownload>> crls = new ConcurrentHashMap<>();
    private final Map<OcspKey, CompletableFuture<FetchResult>> ocsp = new ConcurrentHashMap<>();
    private final Map<URI, AtomicInteger> crlDemand = new ConcurrentHashMap<>();

    CrlDownload crl(URI uri, Supplier<CrlDownload> download) {
        return once(crls, uri, download);
    }

    FetchResult ocsp(OcspKey key, Supplier<FetchResult> query) {
        return once(ocsp, key, query);
    }

    /** True once a download of {@code uri} has started in this run (it may still be under way). */
    boolean hasCrl(URI uri) {
        return crls.containsKey(uri);
    }

    /** Counts one more certificate that could be answered by the CRL at {@code uri}; returns the count so far. */
    int demandCrl(URI uri) {
        return crlDemand.computeIfAbsent(uri, u -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * Runs {@code load} for {@code key} on the first caller's thread, outside any lock, and hands
     * its result to every caller, including those that arrived while it ran.
     */
    private static <K, V> V once(Map<K, CompletableFuture<V>> map, K key, Supplier<V> load) {
        Objects.requireNonNull(key, "key");
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = map.putIfAbsent(key, mine);
        if (existing != null) {
            return existing.join();
        }
        try {
            V value = load.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
