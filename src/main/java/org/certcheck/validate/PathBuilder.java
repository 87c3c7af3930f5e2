package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds every path from a leaf to a trust anchor through the certificates a server sent, in any
 * order, tolerating duplicates and irrelevant extras (RFC 4158 style forward building, depth-first).
 *
 * <p>An issuer candidate must carry the child's issuer name as its subject and its key must verify
 * the child's signature. A sent certificate with the same subject and key as an anchor ends the
 * path at that anchor (the server sent a copy of the root, or a cross-signed version of it).
 */
final class PathBuilder {
    /** Longer chains than this are not built; no sane PKI comes close. */
    static final int MAX_DEPTH = 10;

    private final List<X509Certificate> anchors;

    PathBuilder(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    /** The outcome of a search: complete paths first found first, and the best attempt otherwise. */
    record Search(List<CertificatePath> trusted, CertificatePath longestUntrusted,
                  List<X509Certificate[]> badSignatures) {
    }

    Search build(X509Certificate leaf, List<X509Certificate> sent) {
        List<X509Certificate> pool = distinct(sent, leaf);
        List<CertificatePath> trusted = new ArrayList<>();
        List<X509Certificate[]> badSignatures = new ArrayList<>();
        List<X509Certificate> longest = new ArrayList<>(List.of(leaf));
        List<X509Certificate> path = new ArrayList<>(List.of(leaf));
        extend(path, pool, trusted, badSignatures, longest);
        return new Search(trusted, new CertificatePath(longest, Optional.empty()), badSignatures);
    }

    private void extend(List<X509Certificate> path, List<X509Certificate> pool, List<CertificatePath> trusted,
                        List<X509Certificate[]> badSignatures, List<X509Certificate> longest) {
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
            if (issues(anchor, current, badSignatures)) {
                List<X509Certificate> complete = new ArrayList<>(path);
                complete.add(anchor);
                trusted.add(new CertificatePath(complete, Optional.of(anchor)));
            }
        }
        for (X509Certificate candidate : pool) {
            if (!contains(path, candidate) && issues(candidate, current, badSignatures)) {
                path.add(candidate);
                extend(path, pool, trusted, badSignatures, longest);
                path.remove(path.size() - 1);
            }
        }
    }

    private static boolean issues(X509Certificate issuer, X509Certificate child, List<X509Certificate[]> badSignatures) {
        if (!issuer.getSubjectX500Principal().equals(child.getIssuerX500Principal())) {
            return false;
        }
        if (Certificates.signedBy(child, issuer)) {
            return true;
        }
        badSignatures.add(new X509Certificate[] {child, issuer});
        return false;
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
