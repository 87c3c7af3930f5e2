package org.certcheck.input;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A URL scheme a host file may use: which {@link Protocol} it selects and which port it implies.
 *
 * <p>The implicit-TLS schemes speak TLS from the first byte on their own ports: {@code smtps} 465
 * (RFC 8314 section 7.3), {@code imaps} 993 and {@code pop3s} 995 (RFC 8314 section 7), {@code ldaps}
 * 636, {@code ftps} 990 (RFC 4217 section 3 calls it "implicit"; IANA assigns 990).
 *
 * @param name        lower case, e.g. {@code smtps}
 * @param protocol    how the connection reaches TLS
 * @param defaultPort the port when the URL gives none
 */
record Scheme(String name, Protocol protocol, int defaultPort) {
    private static final Map<String, Integer> IMPLICIT_TLS = Map.of(
            "https", 443, "smtps", 465, "imaps", 993, "pop3s", 995, "ldaps", 636, "ftps", 990);

    /** Every scheme name, for the message that refuses an unknown one. */
    static final String ALL = "https, smtp, smtps, imap, imaps, pop3, pop3s, ftp, ftps, ldap, ldaps, "
            + "postgres, mysql, xmpp";

    static Optional<Scheme> of(String typed) {
        String name = typed.toLowerCase(Locale.ROOT);
        Integer implicitPort = IMPLICIT_TLS.get(name);
        if (implicitPort != null) {
            return Optional.of(new Scheme(name, Protocol.TLS, implicitPort));
        }
        return Protocol.ofScheme(name).map(protocol -> new Scheme(name, protocol, protocol.defaultPort()));
    }
}
