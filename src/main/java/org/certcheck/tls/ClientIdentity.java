package org.certcheck.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The client certificate (with its chain, leaf first) and private key probes present to servers
 * that ask for one (mutual TLS).
 */
public record ClientIdentity(PrivateKey key, List<X509Certificate> chain) {
    public ClientIdentity {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a client identity needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }
}
