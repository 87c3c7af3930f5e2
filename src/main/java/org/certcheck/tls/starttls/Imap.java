package org.certcheck.tls.starttls;

import java.io.IOException;

import org.certcheck.input.Target;
import org.certcheck.net.Conversation;
import org.certcheck.net.Quoted;

/**
 * IMAP STARTTLS (RFC 9051 section 6.2.1, RFC 3501 section 6.2.1): read the untagged {@code * OK}
 * greeting, send a tagged {@code STARTTLS}, skip untagged lines, expect the tagged {@code OK}.
 * A {@code * PREAUTH} greeting means the session is already authenticated, where STARTTLS is not
 * allowed.
 */
final class Imap implements StartTls {
    private static final String TAG = "C1";
    /** Untagged lines tolerated before the tagged answer (capabilities, alerts). */
    static final int MAX_UNTAGGED = 50;

    @Override
    public void negotiate(Conversation conversation, Target target) throws IOException {
        String greeting = conversation.readLine();
        if (!startsWithWord(greeting, "* OK")) {
            String why = startsWithWord(greeting, "* PREAUTH")
                    ? "the IMAP server pre-authenticated the session, where STARTTLS is not allowed: "
                    : startsWithWord(greeting, "* BYE") ? "the IMAP server refused the session: "
                    : "the server greeted with something other than \"* OK\"" + conversation.notThisProtocol() + ": ";
            throw new StartTlsRefused(why + Quoted.of(greeting));
        }
        conversation.send(TAG + " STARTTLS\r\n");
        for (int i = 0; i <= MAX_UNTAGGED; i++) {
            String line = conversation.readLine();
            if (line.startsWith("* ")) {
                continue;
            }
            if (startsWithWord(line, TAG + " OK")) {
                return;
            }
            throw new StartTlsRefused("the IMAP server refused STARTTLS: " + Quoted.of(line));
        }
        throw new StartTlsRefused("the IMAP server sent more than " + MAX_UNTAGGED
                + " untagged lines without answering STARTTLS");
    }

    /** Case-insensitive, as IMAP's atoms are; {@code prefix} must end at a space or the end of the line. */
    private static boolean startsWithWord(String line, String prefix) {
        return line.regionMatches(true, 0, prefix, 0, prefix.length())
                && (line.length() == prefix.length() || line.charAt(prefix.length()) == ' ');
    }
}
