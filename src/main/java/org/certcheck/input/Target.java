package org.certcheck.input;

import java.util.Objects;

/**
 * An endpoint to check: a host name or IP literal and a TCP port.
 *
 * @param host   a lower-case ASCII host name (IDNs already in A-label form, no trailing dot) or an
 *               IP literal (IPv6 without brackets)
 * @param port   1-65535
 * @param origin where the target was given, for messages ({@code hosts.txt:12}, {@code argument 1})
 */
public record Target(String host, int port, String origin) implements HostListEntry {

    public Target {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(origin, "origin");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host (from " + origin + ")");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " out of range 1-65535 (from " + origin + ")");
        }
    }

    /** True for IPv4 and IPv6 literals: no SNI is sent and only iPAddress SANs can match. */
    public boolean isIpLiteral() {
        return IpLiteral.isIpLiteral(host);
    }

    /** The name the certificate must carry, as typed by the user but normalised. */
    public String expectedName() {
        return host;
    }

    /** {@code host:port}, with IPv6 literals bracketed; also the identity used to drop duplicates. */
    public String display() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    @Override
    public String toString() {
        return display();
    }
}
