package org.certcheck.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into addresses; injected so the demo can map its names to loopback. */
@FunctionalInterface
public interface Resolver {
    /** The system resolver (honours {@code -Djdk.net.hosts.file}). */
    Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
