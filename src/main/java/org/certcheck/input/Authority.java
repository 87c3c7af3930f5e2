package org.certcheck.input;

import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code host[:port]} part of a target (RFC 3986 section 3.2, without userinfo): a host
 * name, an IPv4 literal, a bracketed IPv6 literal, or a bare IPv6 literal without a port.
 */
record Authority(String host, int port) {
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("(?=.*[0-9])[0-9.]+");
    private static final Pattern IPV6_LOOKING = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final String BRACKET_HINT = "put IPv6 literals in brackets to give a port: ";

    /** Parses {@code text}, which has no scheme, no path and no whitespace; the port defaults to 443. */
    static Parsed<Authority> parse(String text) {
        return parse(text, PortNumber.HTTPS);
    }

    /** As {@link #parse(String)}, with {@code defaultPort} when the text gives none. */
    static Parsed<Authority> parse(String text, int defaultPort) {
        if (text.startsWith("[")) {
            return bracketed(text, defaultPort);
        }
        if (text.contains("[")) {
            return Parsed.failed("unbalanced brackets: \"[\" must open an IPv6 literal at the start");
        }
        if (text.contains("]")) {
            return Parsed.failed("unbalanced brackets: \"]\" without \"[\"");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return unbracketedHost(text).then(host -> Parsed.ok(new Authority(host, defaultPort)));
        }
        if (text.indexOf(':', colon + 1) >= 0) {
            return bareIpv6(text, defaultPort);
        }
        if (colon == 0) {
            return Parsed.failed("missing host before \":\"");
        }
        return unbracketedHost(text.substring(0, colon))
                .then(host -> PortNumber.parse(text.substring(colon + 1))
                        .then(port -> Parsed.ok(new Authority(host, port))));
    }

    /** {@code [v6]} or {@code [v6]:port}. */
    private static Parsed<Authority> bracketed(String text, int defaultPort) {
        int close = text.indexOf(']');
        if (close < 0) {
            return Parsed.failed("unbalanced brackets: \"[\" without \"]\"");
        }
        String after = text.substring(close + 1);
        if (after.contains("[") || after.contains("]")) {
            return Parsed.failed("unbalanced brackets: more than one pair");
        }
        Parsed<String> host = ipv6(text.substring(1, close), true);
        if (after.isEmpty()) {
            return host.then(h -> Parsed.ok(new Authority(h, defaultPort)));
        }
        if (!after.startsWith(":")) {
            return Parsed.failed("unexpected text after \"]\": \"" + after + "\" (expected \":port\")");
        }
        return host.then(h -> PortNumber.parse(after.substring(1)).then(port -> Parsed.ok(new Authority(h, port))));
    }

    /**
     * Two or more colons and no brackets: only a whole IPv6 literal makes sense. When the text
     * is not one but would be with its last ":digits" cut off, the user meant a port.
     */
    private static Parsed<Authority> bareIpv6(String text, int defaultPort) {
        int percent = text.indexOf('%');
        if (!IPV6_LOOKING.matcher(percent < 0 ? text : text.substring(0, percent)).matches()) {
            return Parsed.failed("too many \":\" (expected host or host:port)");
        }
        return ipv6(text, false).fold(
                host -> Parsed.ok(new Authority(host, defaultPort)),
                reason -> Parsed.failed(portHint(text).orElse(reason)));
    }

    /** The bracket advice when {@code text} is an IPv6 literal followed by ":digits". */
    private static Optional<String> portHint(String text) {
        int lastColon = text.lastIndexOf(':');
        String address = text.substring(0, lastColon);
        String port = text.substring(lastColon + 1);
        boolean isAddressAndPort = port.matches("[0-9]+") && ipv6(address, false) instanceof Parsed.Ok<String>;
        return isAddressAndPort ? Optional.of(BRACKET_HINT + "[" + address + "]:" + port) : Optional.empty();
    }

    /** The canonical text of an IPv6 literal, or why {@code text} is not one. */
    private static Parsed<String> ipv6(String text, boolean inBrackets) {
        int percent = text.indexOf('%');
        if (percent >= 0) {
            return Parsed.failed("IPv6 zone id \"" + text.substring(percent) + "\" is not supported");
        }
        if (text.isEmpty()) {
            return Parsed.failed("empty brackets: expected an IPv6 literal like [2001:db8::1]");
        }
        Optional<InetAddress> address = IpLiteral.parse(text);
        boolean v6Text = text.indexOf(':') >= 0;
        if (address.isPresent() && v6Text) {
            return Parsed.ok(Ipv6Text.canonical(address.get()));
        }
        if (inBrackets) {
            return Parsed.failed("\"" + text + "\" in brackets is not an IPv6 literal");
        }
        return Parsed.failed("\"" + text + "\" is not a valid IPv6 literal; " + BRACKET_HINT + "[2001:db8::1]:443");
    }

    /**
     * A host name or IPv4 literal (kept as given once it is valid). A name is judged again after
     * IDN mapping, which can turn it into digits and dots (U+FEFF maps to nothing, fullwidth
     * digits fold to ASCII): "10.01." U+FEFF "8442" must not pass as a name where
     * {@code 10.01.8442} is refused as an address.
     */
    static Parsed<String> unbracketedHost(String text) {
        if (DIGITS_AND_DOTS.matcher(text).matches()) {
            return ipv4(text);
        }
        return HostName.normalise(text).then(name -> DIGITS_AND_DOTS.matcher(name).matches() ? ipv4(name)
                : Parsed.ok(name));
    }

    private static Parsed<String> ipv4(String text) {
        return IpLiteral.parse(text).isPresent()
                ? Parsed.ok(text)
                : Parsed.failed("\"" + text + "\" is not a valid IPv4 address "
                        + "(four numbers 0-255 without leading zeros)");
    }
}
