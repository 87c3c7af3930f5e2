package org.certcheck.validate;

import java.util.Locale;

/**
 * Makes text taken from a certificate safe to print: a subjectAltName or subject DN is chosen by
 * whoever made the certificate, and an ANSI escape sequence in it must not reach a terminal raw.
 */
public final class Printable {
    private Printable() {
    }

    /**
     * The text with every control character escaped: C0 controls and DEL as {@code \xNN}, C1
     * controls and the invisible characters that reorder or split a line (Unicode format characters
     * such as the bidi overrides U+202E, line and paragraph separators) as <code>&#92;u{NNNN}</code>.
     * Everything else, non-ASCII letters included, is kept.
     */
    public static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String escape = escape(codePoint);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.appendCodePoint(codePoint);
                }
            }
            i += Character.charCount(codePoint);
        }
        return out == null ? text : out.toString();
    }

    private static String escape(int codePoint) {
        if (codePoint < 0x20 || codePoint == 0x7f) {
            return String.format(Locale.ROOT, "\\x%02X", codePoint);
        }
        int type = Character.getType(codePoint);
        if (Character.isISOControl(codePoint) || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return String.format(Locale.ROOT, "\\u{%04X}", codePoint);
        }
        return null;
    }
}
