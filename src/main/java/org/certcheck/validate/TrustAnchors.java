package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The certificates a chain may end at, and where they came from in words.
 *
 * @param certificates the anchors, duplicates removed
 * @param description  for the report, e.g. {@code 1 CA from certs/corp-root.pem}
 */
public record TrustAnchors(List<X509Certificate> certificates, String description) {
    public TrustAnchors {
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(description, "description");
    }
}
