package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.certcheck.finding.Role;

/**
 * A chain of certificates from the leaf upwards, each issued by the next.
 *
 * @param certificates leaf first; when {@code anchor} is present the last element is that anchor
 * @param anchor       the trusted certificate the path ends at; empty for a path that reaches none
 */
public record CertificatePath(List<X509Certificate> certificates, Optional<X509Certificate> anchor) {
    public CertificatePath {
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(anchor, "anchor");
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a path needs at least the leaf");
        }
    }

    public boolean trusted() {
        return anchor.isPresent();
    }

    public X509Certificate leaf() {
        return certificates.get(0);
    }

    public X509Certificate top() {
        return certificates.get(certificates.size() - 1);
    }

    /**
     * The role of the certificate at {@code index}: the last of a trusted path is the anchor (so is a
     * trusted leaf that is its own anchor), the first otherwise the leaf, the rest intermediates.
     */
    public Role role(int index) {
        if (trusted() && index == certificates.size() - 1) {
            return Role.ANCHOR;
        }
        return index == 0 ? Role.LEAF : Role.INTERMEDIATE;
    }

    /** The role of {@code certificate} on this path, by identity; a certificate not on it is taken as an intermediate. */
    public Role role(X509Certificate certificate) {
        for (int i = 0; i < certificates.size(); i++) {
            if (certificates.get(i) == certificate) {
                return role(i);
            }
        }
        return Role.INTERMEDIATE;
    }
}
