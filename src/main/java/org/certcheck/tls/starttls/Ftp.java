package org.certcheck.tls.starttls;

import java.io.IOException;

import org.certcheck.input.Target;
import org.certcheck.net.Conversation;

/**
 * FTP explicit TLS (RFC 4217 section 4): read the 220 greeting (after any 120 "ready soon"),
 * send {@code AUTH TLS} and expect 234.
 */
final class Ftp implements StartTls {

    @Override
    public void negotiate(Conversation conversation, Target target) throws IOException {
        NumericReplies.Reply greeting = NumericReplies.read(conversation);
        if (greeting.code() == 120) {
            greeting = NumericReplies.read(conversation);
        }
        if (greeting.code() != 220) {
            throw new StartTlsRefused("the FTP server did not accept the session: " + greeting.quoted());
        }
        conversation.send("AUTH TLS\r\n");
        NumericReplies.Reply auth = NumericReplies.read(conversation);
        if (auth.code() != 234) {
            throw new StartTlsRefused("the FTP server refused AUTH TLS: " + auth.quoted());
        }
    }
}
