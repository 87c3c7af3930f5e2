package org.certcheck.finding;

import java.util.Locale;

/**
 * Makes text from a certificate, a server or a host list safe to print: every finding message and
 * every column of every report goes through here, so a terminal, a CSV cell and an HTML page show
 * one hostile name the same way.
 *
 * <p>A subject DN is chosen by whoever made the certificate. Printed raw, {@code ESC [ 2 J} clears
 * the screen, {@code ESC ] 52} writes the clipboard in some terminals, a carriage return can
 * overwrite a FAIL with a PASS, and a right-to-left override reorders what is read. So these become
 * visible escapes and everything else, non-ASCII letters included, is kept:
 * <ul>
 * <li>C0 controls U+0000-U+001F (ESC, CR, LF and TAB too) and DEL become <code>&#92;x1B</code>;</li>
 * <li>C1 controls (U+009B is a one-byte CSI), the invisible format characters (bidi overrides such
 *     as U+202E, zero-width spaces and joiners), line and paragraph separators and unpaired
 *     surrogates become <code>&#92;u{202E}</code>; the braces say where the escape ends even when
 *     hex digits follow.</li>
 * </ul>
 * Backslashes are left alone: RFC 2253 uses them for its own escapes, and doubling them would make
 * every escaped comma in a DN harder to read.
 */
public final class Printable {
    private Printable() {
    }

    /** The text with every character {@link #needsEscape} accepts replaced by its visible escape. */
    public static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean escape = needsEscape(codePoint);
            if (escape && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (escape) {
                out.append(codePoint < 0x20 || codePoint == 0x7f
                        ? String.format(Locale.ROOT, "\\x%02X", codePoint)
                        : String.format(Locale.ROOT, "\\u{%04X}", codePoint));
            } else if (out != null) {
                out.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return out == null ? text : out.toString();
    }

    /**
     * Whether a code point is a control, an invisible format character, a line or paragraph
     * separator or a surrogate (a surrogate reaches here only when unpaired, as
     * {@link String#codePointAt} joins a pair).
     */
    public static boolean needsEscape(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }
}
