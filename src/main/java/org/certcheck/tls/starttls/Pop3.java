package org.certcheck.tls.starttls;

import java.io.IOException;

import org.certcheck.input.Target;
import org.certcheck.net.Conversation;
import org.certcheck.net.Quoted;

/** POP3 STLS (RFC 2595 section 4): read the +OK greeting, send {@code STLS}, expect +OK. */
final class Pop3 implements StartTls {

    @Override
    public void negotiate(Conversation conversation, Target target) throws IOException {
        String greeting = conversation.readLine();
        if (!greeting.startsWith("+OK")) {
            throw new StartTlsRefused(greeting.startsWith("-ERR")
                    ? "the POP3 server refused the session: " + Quoted.of(greeting)
                    : "the server greeted with " + Quoted.of(greeting) + ", not \"+OK\"" + conversation.notThisProtocol());
        }
        conversation.send("STLS\r\n");
        String answer = conversation.readLine();
        if (!answer.startsWith("+OK")) {
            throw new StartTlsRefused("the POP3 server refused STLS: " + Quoted.of(answer));
        }
    }
}
