package org.certcheck.input;

/** The port part of {@code host:port}: ASCII digits only, 1-65535. */
final class PortNumber {
    static final int HTTPS = 443;

    private PortNumber() {
    }

    /**
     * Parses a port. Signs, spaces and non-ASCII digits are refused: {@code Integer.parseInt}
     * would take {@code +443} or Arabic-Indic digits, which nobody means in a host list.
     */
    static Parsed<Integer> parse(String text) {
        if (text.isEmpty()) {
            return Parsed.failed("missing port number after \":\"");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                String hint = text.contains("/") ? " (a path needs https:// in front)" : "";
                return Parsed.failed("port \"" + text + "\" is not a number" + hint);
            }
        }
        String digits = text.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 5 || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
            return Parsed.failed("port out of range (1-65535)");
        }
        return Parsed.ok(Integer.parseInt(digits));
    }
}
