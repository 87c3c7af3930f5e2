package org.certcheck.net;

import java.nio.charset.StandardCharsets;

/**
 * What a server said, made fit for a message: bytes outside printable ASCII become {@code \xNN}
 * (CR and LF become {@code \r} and {@code \n}), and long text is cut, so a hostile or binary answer
 * can neither flood a report nor drive a terminal.
 */
public final class Quoted {
    static final int LIMIT = 160;

    private Quoted() {
    }

    /** {@code text} holds one char per byte (ISO-8859-1), as {@link Conversation} reads it. */
    public static String of(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        int shown = Math.min(text.length(), LIMIT);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> quoted.append("\\r");
                case '\n' -> quoted.append("\\n");
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        quoted.append(c);
                    } else {
                        quoted.append(String.format("\\x%02X", c & 0xff));
                    }
                }
            }
        }
        quoted.append('"');
        if (text.length() > LIMIT) {
            quoted.append("... (").append(text.length()).append(" bytes)");
        }
        return quoted.toString();
    }

    public static String of(byte[] bytes) {
        return of(new String(bytes, StandardCharsets.ISO_8859_1));
    }
}
