package org.certcheck.report;

import java.util.Locale;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

import org.certcheck.finding.Printable;

/**
 * JSON string escapes beyond the ones JSON requires (RFC 8259 section 7 only demands U+0000-U+001F,
 * quote and backslash): DEL, the C1 controls, the invisible format characters and line separators
 * that {@link Printable} also escapes, and surrogates. The JSON is often read in a terminal
 * ({@code certcheck --json | less}); written as <code>&#92;u009b</code> a C1 CSI is harmless there,
 * and every parser reads it back as the same character. Surrogates are written as their escapes one by one so an
 * unpaired one (possible in a BMPString) survives instead of turning into {@code ?} when the output
 * is encoded to UTF-8; a pair still decodes to the same character.
 */
final class JsonOutputEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;

    private final int[] asciiEscapes;

    JsonOutputEscapes() {
        asciiEscapes = standardAsciiEscapesForJSON();
        asciiEscapes[0x7f] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        boolean escape = ch <= Character.MAX_VALUE && Printable.needsEscape(ch);
        return escape ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
    }
}
