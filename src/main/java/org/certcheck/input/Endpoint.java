package org.certcheck.input;

import java.util.Optional;

/**
 * The part of a target after any scheme and before any path: {@code authority}, or
 * {@code name@address[:port]} to check {@code name} at a given IP address without resolving it
 * (like curl's {@code --connect-to}; the name is sent as SNI and checked against the certificate).
 *
 * <p>Only an IP literal may follow the {@code @}: {@code user@mail.corp} is far more likely a mail
 * address pasted by mistake than a request to reach one name through another.
 *
 * @param connectTo the IP literal after the {@code @}, canonical (IPv6 without brackets)
 */
record Endpoint(String host, int port, Optional<String> connectTo) {
    private static final String FORM = " (name@10.1.2.3:443 checks that name at that address)";

    static Parsed<Endpoint> parse(String text, int defaultPort) {
        int at = text.indexOf('@');
        if (at < 0) {
            return Authority.parse(text, defaultPort)
                    .then(authority -> Parsed.ok(new Endpoint(authority.host(), authority.port(), Optional.empty())));
        }
        if (text.indexOf('@', at + 1) >= 0) {
            return Parsed.failed("more than one \"@\"" + FORM);
        }
        String name = text.substring(0, at);
        String address = text.substring(at + 1);
        if (name.isEmpty()) {
            return Parsed.failed("missing host name before \"@\"" + FORM);
        }
        if (name.indexOf(':') >= 0) {
            return Parsed.failed("\"" + name + "\" before \"@\" is not a host name: user names, passwords and ports"
                    + " do not go there" + FORM);
        }
        if (address.isEmpty()) {
            return Parsed.failed("missing address after \"@\"" + FORM);
        }
        return Authority.unbracketedHost(name).then(host -> Authority.parse(address, defaultPort).then(reached -> {
            if (!IpLiteral.isIpLiteral(reached.host())) {
                return Parsed.failed("after \"@\" comes the IP address to connect to, not the name \""
                        + reached.host() + "\"" + FORM);
            }
            return Parsed.ok(new Endpoint(host, reached.port(), Optional.of(reached.host())));
        }));
    }
}
