package org.certcheck.input;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises IP literals without ever sending a DNS query. */
public final class IpLiteral {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    // The first character must be a hex digit or ":": InetAddress.getByName treats text that
    // starts otherwise (".:1") as a host name and sends a DNS query for it.
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?");

    private IpLiteral() {
    }

    /** The text of an address as targets hold it: dotted quad, or RFC 5952 IPv6 without brackets. */
    public static String text(InetAddress address) {
        return address instanceof java.net.Inet6Address ? Ipv6Text.canonical(address) : address.getHostAddress();
    }

    public static boolean isIpLiteral(String text) {
        return parse(text).isPresent();
    }

    /**
     * The address of an IPv4 dotted-quad or IPv6 literal (no brackets); empty for anything else.
     * The character check runs first so {@link InetAddress#getByName} never sees a host name.
     */
    public static Optional<InetAddress> parse(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = !v4 && text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
