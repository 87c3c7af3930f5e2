package org.certcheck.tls.starttls;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;

import org.certcheck.input.Target;
import org.certcheck.net.Conversation;

/**
 * SMTP STARTTLS (RFC 3207): read the 220 greeting, say EHLO, check that STARTTLS is among the
 * extensions, send STARTTLS and expect 220.
 */
final class Smtp implements StartTls {

    @Override
    public void negotiate(Conversation conversation, Target target) throws IOException {
        NumericReplies.Reply greeting = NumericReplies.read(conversation);
        if (greeting.code() != 220) {
            throw new StartTlsRefused("the SMTP server did not accept the session: " + greeting.quoted());
        }
        conversation.send("EHLO " + addressLiteral(conversation.localAddress()) + "\r\n");
        NumericReplies.Reply ehlo = NumericReplies.read(conversation);
        if (ehlo.code() != 250) {
            throw new StartTlsRefused("the SMTP server refused EHLO: " + ehlo.quoted());
        }
        boolean offered = ehlo.lines().stream().skip(1)
                .anyMatch(line -> line.length() > 4 && line.substring(4).strip().toUpperCase(Locale.ROOT).equals("STARTTLS"));
        if (!offered) {
            throw new StartTlsRefused("the SMTP server does not offer STARTTLS; its EHLO reply was " + ehlo.quoted());
        }
        conversation.send("STARTTLS\r\n");
        NumericReplies.Reply ready = NumericReplies.read(conversation);
        if (ready.code() != 220) {
            throw new StartTlsRefused("the SMTP server refused STARTTLS: " + ready.quoted());
        }
    }

    /** Our own address as an RFC 5321 section 4.1.3 address literal: we have no name to claim. */
    static String addressLiteral(InetAddress local) {
        if (local instanceof Inet6Address) {
            return "[IPv6:" + local.getHostAddress().replaceFirst("%.*$", "") + "]";
        }
        return "[" + local.getHostAddress() + "]";
    }
}
