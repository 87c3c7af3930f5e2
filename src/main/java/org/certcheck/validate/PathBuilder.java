package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds every path from a leaf to a trust anchor through the certificates a server sent, in any
 * order, tolerating duplicates and irrelevant extras (RFC 4158 style forward building, depth-first).
 *
 * <p>An issuer candidate must carry the child's issuer name as its subject and its key must verify
 * the child's signature. A sent certificate with the same subject and key as an anchor ends the
 * path at that anchor (the server sent a copy of the root, or a cross-signed version of it).
 *
 * <p>Thread-safe: each {@link #build} call keeps its state in its own {@link Walk}.
 */
final class PathBuilder {
    /** Longer chains than this are not built; no sane PKI comes close. */
    static final int MAX_DEPTH = 10;
    /** Issuer candidates tried per build: bounds the work a hostile server can cause with crafted chains. */
    static final int MAX_STEPS = 2_000;

    private final List<X509Certificate> anchors;

    PathBuilder(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    /** The outcome of a search: complete paths in the order found, and the best attempt otherwise. */
    record Search(List<CertificatePath> trusted, CertificatePath longestUntrusted,
                  List<X509Certificate[]> badSignatures) {
    }

    Search build(X509Certificate leaf, List<X509Certificate> sent) {
        Walk walk = new Walk(distinct(sent, leaf), leaf);
        walk.extend(new ArrayList<>(List.of(leaf)));
        return new Search(walk.trusted, new CertificatePath(walk.longest, Optional.empty()), walk.badSignatures);
    }

    private final class Walk {
        final List<X509Certificate> pool;
        final List<CertificatePath> trusted = new ArrayList<>();
        final List<X509Certificate[]> badSignatures = new ArrayList<>();
        final List<X509Certificate> longest = new ArrayList<>();
        final Map<X509Certificate, Map<X509Certificate, Boolean>> verified = new IdentityHashMap<>();
        int steps;

        Walk(List<X509Certificate> pool, X509Certificate leaf) {
            this.pool = pool;
            this.longest.add(leaf);
        }

        void extend(List<X509Certificate> path) {
            X509Certificate current = path.get(path.size() - 1);
            if (path.size() > longest.size()) {
                longest.clear();
                longest.addAll(path);
            }
            Optional<X509Certificate> sameAsAnchor = anchors.stream()
                    .filter(anchor -> Certificates.sameEntity(anchor, current)).findFirst();
            if (sameAsAnchor.isPresent()) {
                List<X509Certificate> complete = new ArrayList<>(path.subList(0, path.size() - 1));
                complete.add(sameAsAnchor.get());
                trusted.add(new CertificatePath(complete, sameAsAnchor));
                return;
            }
            if (path.size() > MAX_DEPTH) {
                return;
            }
            for (X509Certificate anchor : anchors) {
                if (issues(anchor, current)) {
                    List<X509Certificate> complete = new ArrayList<>(path);
                    complete.add(anchor);
                    trusted.add(new CertificatePath(complete, Optional.of(anchor)));
                }
            }
            for (X509Certificate candidate : pool) {
                if (steps >= MAX_STEPS) {
                    return;
                }
                if (!contains(path, candidate) && issues(candidate, current)) {
                    path.add(candidate);
                    extend(path);
                    path.remove(path.size() - 1);
                }
            }
        }

        private boolean issues(X509Certificate issuer, X509Certificate child) {
            if (!issuer.getSubjectX500Principal().equals(child.getIssuerX500Principal())) {
                return false;
            }
            steps++;
            // A depth-first walk meets the same pair again on every branch: verify each pair once.
            Boolean known = verified.computeIfAbsent(child, c -> new IdentityHashMap<>()).get(issuer);
            if (known != null) {
                return known;
            }
            boolean signed = Certificates.signedBy(child, issuer);
            verified.get(child).put(issuer, signed);
            if (!signed) {
                badSignatures.add(new X509Certificate[] {child, issuer});
            }
            return signed;
        }
    }

    private static boolean contains(List<X509Certificate> path, X509Certificate candidate) {
        return path.stream().anyMatch(c -> Certificates.sameEntity(c, candidate));
    }

    private static List<X509Certificate> distinct(List<X509Certificate> sent, X509Certificate leaf) {
        List<X509Certificate> pool = new ArrayList<>();
        for (X509Certificate certificate : sent) {
            if (!Certificates.sameCertificate(certificate, leaf)
                    && pool.stream().noneMatch(c -> Certificates.sameCertificate(c, certificate))) {
                pool.add(certificate);
            }
        }
        return pool;
    }
}
