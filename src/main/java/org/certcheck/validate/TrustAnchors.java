package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The certificates a chain may end at, and where they came from in words.
 *
 * @param certificates the anchors, duplicates removed
 * @param description  for the report, e.g. {@code 1 CA from certs/corp-root.pem}
 * @param publicRoots  those of them that came from the JVM's (public) trust store, not from the
 *                     operator's own files: a chain ending there is judged for the public web
 */
public record TrustAnchors(List<X509Certificate> certificates, String description, List<X509Certificate> publicRoots) {
    public TrustAnchors {
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(description, "description");
        publicRoots = List.copyOf(publicRoots);
    }

    /** The operator's own anchors, none of them public. */
    public TrustAnchors(List<X509Certificate> certificates, String description) {
        this(certificates, description, List.of());
    }

    /** Whether {@code anchor} is one of the public roots (by name and key, as paths end at anchors). */
    public boolean isPublic(X509Certificate anchor) {
        return publicRoots.stream().anyMatch(root -> Certificates.sameEntity(root, anchor));
    }
}
