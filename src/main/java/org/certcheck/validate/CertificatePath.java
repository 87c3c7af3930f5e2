package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
}
