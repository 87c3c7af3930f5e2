package org.certcheck.report;

import org.certcheck.finding.Printable;

/**
 * Text made safe for HTML element content and quoted attribute values: the five markup characters
 * become character references, and control characters, bidirectional overrides and unpaired
 * surrogates become the visible escapes of {@link Printable}, so a subject DN can neither inject
 * markup nor reorder what a reader sees.
 */
final class HtmlText {
    private HtmlText() {
    }

    static String escape(String text) {
        String safe = Printable.printable(text);
        StringBuilder html = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}
