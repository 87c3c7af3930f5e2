package org.certcheck.tls;

import java.util.Objects;

/**
 * How probes reach their targets, beyond time limits: the SNI they send, the address family they
 * use, and the HTTP proxy they go through.
 *
 * @param sni     the server name sent in each ClientHello
 * @param family  which of a name's addresses are tried
 * @param proxies which targets go through which proxy
 */
public record Reach(ServerNameIndication sni, AddressFamily family, ProxyChoice proxies) {
    public static final Reach DEFAULT = new Reach(ServerNameIndication.AUTOMATIC, AddressFamily.ANY, ProxyChoice.DIRECT);

    public Reach {
        Objects.requireNonNull(sni, "sni");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(proxies, "proxies");
    }

    public Reach withSni(ServerNameIndication other) {
        return new Reach(other, family, proxies);
    }

    public Reach withFamily(AddressFamily other) {
        return new Reach(sni, other, proxies);
    }

    public Reach withProxies(ProxyChoice other) {
        return new Reach(sni, family, other);
    }
}
