package org.certcheck.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrap for one table cell. Lines after the first are indented by {@link #HANG} so a
 * wrapped message cannot be mistaken for the next one; a word longer than a line is cut. Lengths
 * are counted in code points, which is right for the escaped, mostly ASCII text of a report.
 */
final class WordWrap {
    static final String HANG = "  ";

    private WordWrap() {
    }

    /** @param width columns available; {@code 0} for no limit */
    static List<String> wrap(String text, int width) {
        if (width == 0 || length(text) <= width) {
            return List.of(text);
        }
        List<String> lines = new ArrayList<>();
        String current = "";
        int limit = width;
        int later = Math.max(1, width - HANG.length());
        for (String word : text.split(" +")) {
            if (!current.isEmpty() && length(current) + 1 + length(word) <= limit) {
                current = current + " " + word;
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(lines.isEmpty() ? current : HANG + current);
                limit = later;
            }
            while (length(word) > limit) {
                int cut = word.offsetByCodePoints(0, limit);
                lines.add(lines.isEmpty() ? word.substring(0, cut) : HANG + word.substring(0, cut));
                word = word.substring(cut);
                limit = later;
            }
            current = word;
        }
        if (!current.isEmpty()) {
            lines.add(lines.isEmpty() ? current : HANG + current);
        }
        return lines;
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
