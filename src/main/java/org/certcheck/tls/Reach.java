package org.certcheck.tls;

import java.util.Objects;
import java.util.Optional;

import org.certcheck.net.AddressFamily;
import org.certcheck.net.ProxyChoice;

/**
 * How probes reach their targets, beyond time limits: the SNI they send, the address family they
 * use, the HTTP proxy they go through, and the client certificate they show when asked.
 *
 * @param sni     the server name sent in each ClientHello
 * @param family  which of a name's addresses are tried
 * @param proxies which targets go through which proxy
 * @param client  the client certificate for servers that ask for one; empty to send none
 */
public record Reach(ServerNameIndication sni, AddressFamily family, ProxyChoice proxies,
                    Optional<ClientIdentity> client) {
    public static final Reach DEFAULT = new Reach(ServerNameIndication.AUTOMATIC, AddressFamily.ANY, ProxyChoice.DIRECT,
            Optional.empty());

    public Reach {
        Objects.requireNonNull(sni, "sni");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(proxies, "proxies");
        Objects.requireNonNull(client, "client");
    }

    public Reach withSni(ServerNameIndication other) {
        return new Reach(other, family, proxies, client);
    }

    public Reach withFamily(AddressFamily other) {
        return new Reach(sni, other, proxies, client);
    }

    public Reach withProxies(ProxyChoice other) {
        return new Reach(sni, family, other, client);
    }

    public Reach withClient(Optional<ClientIdentity> other) {
        return new Reach(sni, family, proxies, other);
    }
}
