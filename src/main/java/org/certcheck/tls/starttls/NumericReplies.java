package org.certcheck.tls.starttls;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.net.Conversation;
import org.certcheck.net.Quoted;

/**
 * Reads the three-digit replies SMTP (RFC 5321 section 4.2.1) and FTP (RFC 959 section 4.2) share:
 * {@code 250-first line}, ..., {@code 250 last line}. FTP allows arbitrary text between the first
 * and the last line; SMTP repeats the code on each. Both end at the code followed by a space.
 */
final class NumericReplies {
    /** More lines than any EHLO or FTP banner has; a server sending more is not cooperating. */
    static final int MAX_LINES = 100;

    private NumericReplies() {
    }

    /** A whole reply: its code and its lines as sent. */
    record Reply(int code, List<String> lines) {
        /** The reply as the server sent it, quoted for a message. */
        String quoted() {
            return Quoted.of(String.join("\r\n", lines));
        }
    }

    static Reply read(Conversation conversation) throws IOException {
        List<String> lines = new ArrayList<>();
        String first = conversation.readLine();
        lines.add(first);
        if (first.length() < 3 || !first.substring(0, 3).chars().allMatch(Character::isDigit)
                || (first.length() > 3 && first.charAt(3) != ' ' && first.charAt(3) != '-')) {
            throw new StartTlsRefused("the server answered " + Quoted.of(first) + ", not a "
                    + conversation.protocol() + " reply" + conversation.notThisProtocol());
        }
        String code = first.substring(0, 3);
        boolean more = first.length() > 3 && first.charAt(3) == '-';
        while (more) {
            if (lines.size() >= MAX_LINES) {
                throw new StartTlsRefused("the " + conversation.protocol() + " server sent a reply of more than "
                        + MAX_LINES + " lines, starting " + Quoted.of(first));
            }
            String line = conversation.readLine();
            lines.add(line);
            more = !(line.startsWith(code) && (line.length() == 3 || line.charAt(3) == ' '));
        }
        return new Reply(Integer.parseInt(code), lines);
    }
}
