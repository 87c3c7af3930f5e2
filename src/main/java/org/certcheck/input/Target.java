package org.certcheck.input;

import java.util.Objects;
import java.util.Optional;

/**
 * An endpoint to check: a host name or IP literal, a TCP port, how TLS begins there, and
 * optionally the address to connect to instead of resolving the host.
 *
 * @param host      a lower-case ASCII host name (IDNs already in A-label form, no trailing dot) or an
 *                  IP literal (IPv6 without brackets): the name sent as SNI and checked against the
 *                  certificate
 * @param port      1-65535
 * @param origin    where the target was given, for messages ({@code hosts.txt:12}, {@code argument 1})
 * @param protocol  {@link Protocol#TLS} for TLS from the first byte, otherwise the STARTTLS dialect
 * @param connectTo an IP literal (IPv6 without brackets) to connect to instead of resolving
 *                  {@code host} ({@code web.corp@10.1.2.3:443}); empty to resolve {@code host}
 */
public record Target(String host, int port, String origin, Protocol protocol, Optional<String> connectTo)
        implements HostListEntry {

    public Target {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(connectTo, "connectTo");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host (from " + origin + ")");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " out of range 1-65535 (from " + origin + ")");
        }
        if (connectTo.isPresent() && !IpLiteral.isIpLiteral(connectTo.get())) {
            throw new IllegalArgumentException("connect-to address \"" + connectTo.get()
                    + "\" is not an IP literal (from " + origin + ")");
        }
    }

    /** A TLS target reached by resolving its host. */
    public Target(String host, int port, String origin) {
        this(host, port, origin, Protocol.TLS, Optional.empty());
    }

    /** True for IPv4 and IPv6 literals: no SNI is sent and only iPAddress SANs can match. */
    public boolean isIpLiteral() {
        return IpLiteral.isIpLiteral(host);
    }

    /** The name the certificate must carry, as typed by the user but normalised. */
    public String expectedName() {
        return host;
    }

    /** What to resolve or connect to: the connect-to address when there is one, otherwise the host. */
    public String connectHost() {
        return connectTo.orElse(host);
    }

    /** The same target, reached at {@code address} (an IP literal) while still checking {@link #host()}. */
    public Target connectingTo(String address) {
        return new Target(host, port, origin, protocol, Optional.of(address));
    }

    /** The same target, reached with another protocol. */
    public Target speaking(Protocol other) {
        return new Target(host, port, origin, other, connectTo);
    }

    /**
     * {@code host:port} with IPv6 literals bracketed, {@code host@address:port} with a connect-to
     * address, and {@code scheme://} in front for STARTTLS: the host-file form of the target, and
     * the identity used to drop duplicates and to pick shards.
     */
    public String display() {
        String scheme = protocol.isStartTls() ? protocol.scheme() + "://" : "";
        String where = connectTo.map(address -> host + "@" + bracketed(address)).orElse(bracketed(host));
        return scheme + where + ":" + port;
    }

    private static String bracketed(String hostOrAddress) {
        return hostOrAddress.indexOf(':') >= 0 ? "[" + hostOrAddress + "]" : hostOrAddress;
    }

    @Override
    public String toString() {
        return display();
    }
}
