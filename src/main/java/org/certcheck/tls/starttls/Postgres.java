package org.certcheck.tls.starttls;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.certcheck.input.Target;
import org.certcheck.net.Conversation;
import org.certcheck.net.Quoted;

/**
 * PostgreSQL's SSLRequest (protocol documentation, "Message Flow: SSL Session Encryption"): the
 * client sends an 8-byte message with code 80877103; the server answers one byte, {@code S} to
 * start TLS or {@code N} to refuse. Servers older than 7.0 answer an ErrorResponse ({@code E}).
 */
final class Postgres implements StartTls {
    private static final int SSL_REQUEST_CODE = 80877103;
    /** An ErrorResponse longer than this is not a real one. */
    private static final int MAX_ERROR = 4096;

    @Override
    public void negotiate(Conversation conversation, Target target) throws IOException {
        conversation.send(ByteBuffer.allocate(8).putInt(8).putInt(SSL_REQUEST_CODE).array());
        byte answer = conversation.readExactly(1)[0];
        switch (answer) {
            case 'S' -> { }
            case 'N' -> throw new StartTlsRefused("the PostgreSQL server does not accept TLS"
                    + " (answered \"N\" to SSLRequest: ssl = off in its configuration?)");
            case 'E' -> throw new StartTlsRefused("the PostgreSQL server answered SSLRequest with an error: "
                    + errorText(conversation));
            default -> throw new StartTlsRefused("the server answered SSLRequest with " + Quoted.of(new byte[] {answer})
                    + ", not \"S\" or \"N\"" + conversation.notThisProtocol());
        }
    }

    /** The fields of an ErrorResponse ({@code M} message, {@code C} code, ...) as sent, quoted. */
    private static String errorText(Conversation conversation) throws IOException {
        int length = ByteBuffer.wrap(conversation.readExactly(4)).getInt();
        if (length < 4 || length > MAX_ERROR) {
            throw new StartTlsRefused("the server answered SSLRequest with \"E\" and a length of " + length
                    + conversation.notThisProtocol());
        }
        byte[] fields = conversation.readExactly(length - 4);
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == 0) {
                fields[i] = ' ';
            }
        }
        return Quoted.of(new String(fields, java.nio.charset.StandardCharsets.ISO_8859_1).strip());
    }
}
