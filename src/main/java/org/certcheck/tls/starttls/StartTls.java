package org.certcheck.tls.starttls;

import java.io.IOException;

import org.certcheck.input.Protocol;
import org.certcheck.input.Target;
import org.certcheck.net.Conversation;

/**
 * One protocol's plaintext preamble before TLS: on return, the server waits for the client's TLS
 * ClientHello on the same connection.
 *
 * <p>Every read is bounded in size and charged to the {@link Conversation}'s time budget, so a
 * server that is silent, trickles, or talks forever ends the probe instead of hanging it. A server
 * that refuses, or answers something that is not this protocol, throws {@link StartTlsRefused}
 * with what it said; network errors and timeouts propagate as they are.
 */
public interface StartTls {

    /** Speaks the preamble for {@code target} over {@code conversation}. */
    void negotiate(Conversation conversation, Target target) throws IOException;

    /** The dialect of a STARTTLS protocol. */
    static StartTls of(Protocol protocol) {
        return switch (protocol) {
            case SMTP -> new Smtp();
            case IMAP -> new Imap();
            case POP3 -> new Pop3();
            case FTP -> new Ftp();
            case LDAP -> new Ldap();
            case POSTGRES -> new Postgres();
            case MYSQL -> new Mysql();
            case XMPP -> new Xmpp();
            case TLS -> throw new IllegalArgumentException("TLS from the first byte has no STARTTLS preamble");
        };
    }
}
