package org.certcheck.revocation;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.bouncycastle.cert.ocsp.CertificateID;
import org.certcheck.net.FetchOnce;
import org.certcheck.net.HttpOutcome;

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

    private final FetchOnce<URI, CrlDownload> crls = new FetchOnce<>();
    private final FetchOnce<OcspKey, HttpOutcome> ocsp = new FetchOnce<>();
    private final Map<URI, AtomicInteger> crlDemand = new ConcurrentHashMap<>();

    CrlDownload crl(URI uri, Supplier<CrlDownload> download) {
        return crls.get(uri, download);
    }

    HttpOutcome ocsp(OcspKey key, Supplier<HttpOutcome> query) {
        return ocsp.get(key, query);
    }

    /** True once a download of {@code uri} has started in this run (it may still be under way). */
    boolean hasCrl(URI uri) {
        return crls.started(uri);
    }

    /** Counts one more certificate that could be answered by the CRL at {@code uri}; returns the count so far. */
    int demandCrl(URI uri) {
        return crlDemand.computeIfAbsent(uri, u -> new AtomicInteger()).incrementAndGet();
    }
}
