package org.certcheck.tls;

import java.util.Objects;

/**
 * How probes reach their targets, beyond time limits: the SNI they send and the address family
 * they use.
 *
 * @param sni    the server name sent in each ClientHello
 * @param family which of a name's addresses are tried
 */
public record Reach(ServerNameIndication sni, AddressFamily family) {
    public static final Reach DEFAULT = new Reach(ServerNameIndication.AUTOMATIC, AddressFamily.ANY);

    public Reach {
        Objects.requireNonNull(sni, "sni");
        Objects.requireNonNull(family, "family");
    }

    public Reach withSni(ServerNameIndication other) {
        return new Reach(other, family);
    }

    public Reach withFamily(AddressFamily other) {
        return new Reach(sni, other);
    }
}
