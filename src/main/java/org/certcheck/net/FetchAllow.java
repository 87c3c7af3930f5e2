package org.certcheck.net;

import java.net.IDN;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.certcheck.input.IpLiteral;

/**
 * One {@code --fetch-allow} entry: a host name, an address, or a network (CIDR), each with an
 * optional port. A host name admits its URLs whatever it resolves to (the operator named it); an
 * address or network admits the addresses in it.
 *
 * <p>Forms: {@code ocsp.corp}, {@code ocsp.corp:8080}, {@code 10.1.2.3}, {@code 10.1.2.3:80},
 * {@code 10.0.0.0/8}, {@code ::1}, {@code [::1]:8080}, {@code fd00::/8}. Names are normalised as
 * targets are: no trailing dot, A-labels, lower case.
 *
 * @param name    the host name, if the entry is one
 * @param network the address bytes, if the entry is an address or network
 * @param prefix  how many leading bits of {@code network} count
 * @param port    the only port admitted, if one was given
 * @param text    what the user typed, for messages
 */
public record FetchAllow(Optional<String> name, Optional<byte[]> network, int prefix, OptionalInt port, String text) {
    public FetchAllow {
        Objects.requireNonNull(name, "name");
        network = network.map(byte[]::clone);
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(text, "text");
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code text} */
    public static FetchAllow parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\": empty; give HOST[:PORT] or a network such as 10.0.0.0/8");
        }
        int slash = trimmed.indexOf('/');
        if (slash >= 0) {
            return network(trimmed, trimmed.substring(0, slash), trimmed.substring(slash + 1));
        }
        Optional<InetAddress> bare = IpLiteral.parse(trimmed);
        if (bare.isPresent()) {
            return address(trimmed, bare.get(), OptionalInt.empty());
        }
        if (trimmed.startsWith("[")) {
            int close = trimmed.indexOf(']');
            Optional<InetAddress> inside = close < 0 ? Optional.empty() : IpLiteral.parse(trimmed.substring(1, close));
            if (inside.isEmpty()) {
                throw new IllegalArgumentException("\"" + text + "\": not an IPv6 address in brackets");
            }
            String rest = trimmed.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException("\"" + text + "\": expected :PORT after the brackets");
            }
            return address(trimmed, inside.get(), rest.isEmpty() ? OptionalInt.empty() : port(text, rest.substring(1)));
        }
        int colon = trimmed.lastIndexOf(':');
        String host = colon < 0 ? trimmed : trimmed.substring(0, colon);
        OptionalInt port = colon < 0 ? OptionalInt.empty() : port(text, trimmed.substring(colon + 1));
        Optional<InetAddress> literal = IpLiteral.parse(host);
        if (literal.isPresent()) {
            return address(trimmed, literal.get(), port);
        }
        return new FetchAllow(Optional.of(normalise(text, host)), Optional.empty(), 0, port, trimmed);
    }

    /** True if this entry names {@code host} (as a URL gives it) and admits {@code port}. */
    public boolean admitsHost(String host, int port) {
        return name.isPresent() && name.get().equals(hostKey(host)) && admitsPort(port);
    }

    /** True if {@code address} lies in this entry's network and {@code port} is admitted. */
    public boolean admitsAddress(InetAddress address, int port) {
        if (network.isEmpty() || !admitsPort(port)) {
            return false;
        }
        byte[] mine = network.get();
        byte[] theirs = address.getAddress();
        if (mine.length != theirs.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((mine[bit / 8] & mask) != (theirs[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** A URL's host as entries compare it: lower case, no trailing dot, no IPv6 brackets. */
    static String hostKey(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        bare = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
        return bare.toLowerCase(Locale.ROOT);
    }

    private boolean admitsPort(int asked) {
        return port.isEmpty() || port.getAsInt() == asked;
    }

    private static FetchAllow network(String text, String base, String bits) {
        Optional<InetAddress> address = IpLiteral.parse(base);
        if (address.isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\": \"" + base + "\" is not an IP address"
                    + " (a network is ADDRESS/BITS, e.g. 10.0.0.0/8 or fd00::/8)");
        }
        int max = address.get().getAddress().length * 8;
        int prefix;
        try {
            prefix = Integer.parseInt(bits);
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("\"" + text + "\": prefix length \"" + bits + "\" out of range (0-"
                    + max + ")");
        }
        return new FetchAllow(Optional.empty(), Optional.of(address.get().getAddress()), prefix, OptionalInt.empty(),
                text);
    }

    private static FetchAllow address(String text, InetAddress address, OptionalInt port) {
        byte[] bytes = address.getAddress();
        return new FetchAllow(Optional.empty(), Optional.of(bytes), bytes.length * 8, port, text);
    }

    private static OptionalInt port(String text, String digits) {
        try {
            int port = Integer.parseInt(digits);
            if (port >= 1 && port <= 65535) {
                return OptionalInt.of(port);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("\"" + text + "\": port \"" + digits + "\" out of range (1-65535)");
    }

    private static String normalise(String text, String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        try {
            name = IDN.toASCII(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\": not a host name (" + e.getMessage() + ")");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\": not a host name");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FetchAllow that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public Optional<byte[]> network() {
        return network.map(byte[]::clone);
    }
}
