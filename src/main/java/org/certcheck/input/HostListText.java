package org.certcheck.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * The text of a host list: strict UTF-8, no NUL characters, split into lines the way
 * {@link String#lines()} does ({@code \n}, {@code \r\n} or {@code \r}).
 */
final class HostListText {
    /** 16 MiB is some 500,000 host names; more is a wrong file, and reading on would exhaust memory. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private HostListText() {
    }

    /** Decodes a whole host list; {@code name} is used in the exception message. Lines are split lazily. */
    static Stream<String> lines(byte[] bytes, String name) {
        checkSize(bytes.length, name);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            throw new HostFileException(name + ": not a text file (invalid UTF-8 at line "
                    + lineAt(out, out.length()) + ")");
        }
        return lines(out.toString(), name);
    }

    /**
     * Splits already decoded text, lazily: 16 MiB of one-character lines are 8 million strings, so
     * they are made one at a time as the parser asks. A U+FFFD is taken as the mark of a decoder
     * that replaced bad bytes.
     */
    static Stream<String> lines(String text, String name) {
        checkSize(text.length(), name);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new HostFileException(name + ": not a text file (NUL byte at line " + lineAt(text, nul) + ")");
        }
        int replaced = text.indexOf('\uFFFD');
        if (replaced >= 0) {
            throw new HostFileException(name + ": not a text file (replacement character U+FFFD at line "
                    + lineAt(text, replaced) + ", left where the input was not valid UTF-8)");
        }
        // Editors on Windows start UTF-8 files with a byte order mark; it is not part of line 1.
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.lines();
    }

    static void checkSize(long size, String name) {
        if (size > MAX_BYTES) {
            throw new HostFileException(name + ": too large for a host list (more than "
                    + MAX_BYTES / (1024 * 1024) + " MiB)");
        }
    }

    /** The 1-based line of {@code index}, counting terminators as {@link String#lines()} does. */
    private static int lineAt(CharSequence text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }
}
