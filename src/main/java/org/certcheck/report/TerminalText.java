package org.certcheck.report;

import java.util.Locale;

/**
 * Makes text from a certificate, a server or a host list safe to print on a terminal.
 *
 * <p>A subject DN is chosen by whoever made the certificate. Printed raw, {@code ESC [ 2 J} clears
 * the screen, {@code ESC ] 52} writes the clipboard in some terminals, a carriage return can
 * overwrite a FAIL with a PASS, and a right-to-left override reorders what is read. So these are
 * replaced by visible escapes, and everything else passes through unchanged:
 * <ul>
 * <li>C0 controls U+0000-U+001F (including ESC, CR, LF, TAB), DEL U+007F and C1 controls
 *     U+0080-U+009F (U+009B is a one-byte CSI) become <code>&#92;x1b</code>;</li>
 * <li>bidirectional formatting marks (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), line
 *     and paragraph separators (U+2028, U+2029) and unpaired surrogates become
 *     <code>&#92;u202e</code>.</li>
 * </ul>
 * Backslashes are left alone: RFC 2253 uses them for its own escapes, and doubling them would make
 * every escaped comma in a DN harder to read.
 */
public final class TerminalText {
    private TerminalText() {
    }

    public static String escape(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                safe.append(c).append(text.charAt(++i));
            } else if (isControl(c)) {
                safe.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else if (isInvisibleFormatting(c) || Character.isSurrogate(c)) {
                safe.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }

    /** A control or formatting character this class escapes; surrogates are judged separately, in pairs. */
    static boolean isUnsafe(char c) {
        return isControl(c) || isInvisibleFormatting(c);
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    private static boolean isInvisibleFormatting(char c) {
        return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
    }
}
