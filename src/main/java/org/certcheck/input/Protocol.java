package org.certcheck.input;

import java.util.Locale;
import java.util.Optional;

/**
 * How a target's TLS begins: at once ({@link #TLS}), or after a plaintext preamble in which the
 * client asks the server to switch to TLS (STARTTLS and its relatives). The host file chooses it
 * with a URL scheme ({@code smtp://mail.corp}); each has the port its protocol's standard names.
 */
public enum Protocol {
    /** TLS from the first byte: HTTPS and the implicit-TLS ports (smtps, imaps, ldaps, ...). */
    TLS("https", 443),
    /** SMTP: EHLO, then STARTTLS (RFC 3207). */
    SMTP("smtp", 25),
    /** IMAP: STARTTLS (RFC 3501 section 6.2.1, RFC 9051). */
    IMAP("imap", 143),
    /** POP3: STLS (RFC 2595 section 4). */
    POP3("pop3", 110),
    /** FTP: AUTH TLS (RFC 4217 section 4). */
    FTP("ftp", 21),
    /** LDAP: the StartTLS extended operation (RFC 4511 section 4.14). */
    LDAP("ldap", 389),
    /** PostgreSQL: the SSLRequest message (PostgreSQL protocol, "SSL Session Encryption"). */
    POSTGRES("postgres", 5432),
    /** MySQL/MariaDB: the CLIENT_SSL capability and the SSLRequest packet. */
    MYSQL("mysql", 3306),
    /** XMPP client-to-server: {@code <starttls/>} in the stream features (RFC 6120 section 5). */
    XMPP("xmpp", 5222);

    private final String scheme;
    private final int defaultPort;

    Protocol(String scheme, int defaultPort) {
        this.scheme = scheme;
        this.defaultPort = defaultPort;
    }

    /** The URL scheme that selects it, e.g. {@code smtp}. */
    public String scheme() {
        return scheme;
    }

    /** The port its standard assigns, used when the host file gives none. */
    public int defaultPort() {
        return defaultPort;
    }

    /** True when a plaintext exchange comes before the TLS handshake. */
    public boolean isStartTls() {
        return this != TLS;
    }

    /** The protocol of a STARTTLS scheme name ({@code smtp}, {@code LDAP}, ...), or of {@code https}. */
    public static Optional<Protocol> ofScheme(String scheme) {
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (lower.equals("postgresql")) {
            return Optional.of(POSTGRES);
        }
        for (Protocol protocol : values()) {
            if (protocol.scheme.equals(lower)) {
                return Optional.of(protocol);
            }
        }
        return Optional.empty();
    }
}
