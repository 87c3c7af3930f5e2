package org.certcheck.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;

import org.certcheck.input.IpLiteral;

/** Which addresses of a name are used: all of them, or only IPv4 ({@code -4}) or IPv6 ({@code -6}). */
public enum AddressFamily {
    ANY("", InetAddress.class),
    IPV4("IPv4", Inet4Address.class),
    IPV6("IPv6", Inet6Address.class);

    private final String label;
    private final Class<? extends InetAddress> type;

    AddressFamily(String label, Class<? extends InetAddress> type) {
        this.label = label;
        this.type = type;
    }

    /** The addresses of this family, in the resolver's order. */
    public List<InetAddress> filter(List<InetAddress> addresses) {
        return addresses.stream().filter(type::isInstance).toList();
    }

    /** Why {@code host} cannot be reached with this family: it has only {@code addresses}. */
    public String noneOf(String host, List<InetAddress> addresses) {
        String found = addresses.stream().map(IpLiteral::text).collect(Collectors.joining(", "));
        return host + " has no " + label + " address (only " + found + "): drop -" + (this == IPV4 ? "4" : "6")
                + " for this target, or check its DNS records";
    }
}
