package org.certcheck.store;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate read from a file, with where it was found and the chain it was stored with.
 *
 * @param certificate the certificate
 * @param origin      {@code certs/web.pem#2}, {@code keystore.p12:alias}
 * @param chain       the certificate first, then the chain stored with it (a keystore key entry's
 *                    chain); just the certificate otherwise
 */
public record StoredCertificate(X509Certificate certificate, String origin, List<X509Certificate> chain) {
    public StoredCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(origin, "origin");
        chain = List.copyOf(chain);
    }
}
