package org.certcheck.input;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a typed DNS name into the form certificates are matched against: no trailing dot,
 * A-labels for internationalised names (RFC 5890 section 2.3.2.1), lower case (RFC 4343).
 */
final class HostName {
    static final int MAX_LENGTH = 253;
    static final int MAX_LABEL_LENGTH = 63;

    private HostName() {
    }

    /**
     * Normalises and checks a host name. The rules, in the order they are applied:
     * <ol>
     *   <li>one trailing dot (the DNS root) is dropped: {@code web.} is {@code web};
     *   <li>a name with non-ASCII characters goes through {@link IDN#toASCII(String)}, which
     *       also maps ideographic full stops to "."; a name it refuses is a problem;
     *   <li>the result is lower-cased with {@link Locale#ROOT} (never the user's locale, where
     *       "I" may not become "i");
     *   <li>at most 253 characters in all (RFC 1035 section 2.3.4);
     *   <li>every label is 1-63 characters (RFC 1035 section 2.3.4) of letters, digits and
     *       hyphens, not starting or ending with a hyphen (RFC 1123 section 2.1); "_" is allowed
     *       because intranet names carry it even though RFC 952 does not.
     * </ol>
     */
    static Parsed<String> normalise(String typed) {
        String name = withoutTrailingDot(typed);
        if (name.isEmpty()) {
            return Parsed.failed(typed.isEmpty() ? "missing host name" : "\"" + typed + "\" is not a host name");
        }
        if (!isAscii(name)) {
            if (name.contains("..")) {
                return Parsed.failed(emptyLabel());
            }
            try {
                name = withoutTrailingDot(IDN.toASCII(name));
            } catch (IllegalArgumentException e) {
                return Parsed.failed("not a valid internationalised domain name: " + e.getMessage());
            }
        }
        name = name.toLowerCase(Locale.ROOT);
        if (name.length() > MAX_LENGTH) {
            return Parsed.failed("host name too long (" + name.length() + " characters, limit " + MAX_LENGTH + ")");
        }
        for (String label : name.split("\\.", -1)) {
            Optional<String> problem = labelProblem(label);
            if (problem.isPresent()) {
                return Parsed.failed(problem.get());
            }
        }
        return Parsed.ok(name);
    }

    /** Why a label breaks the rules above; empty when it is fine. */
    private static Optional<String> labelProblem(String label) {
        if (label.isEmpty()) {
            return Optional.of(emptyLabel());
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            return Optional.of("label \"" + abbreviated(label) + "\" too long (" + label.length()
                    + " characters, limit " + MAX_LABEL_LENGTH + ")");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!allowed) {
                return Optional.of(invalidCharacter(c));
            }
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            return Optional.of("label \"" + label + "\" starts or ends with \"-\"");
        }
        return Optional.empty();
    }

    private static String invalidCharacter(char c) {
        String shown = c > ' ' && c < 0x7f ? "\"" + c + "\"" : String.format("U+%04X", (int) c);
        String hint = switch (c) {
            case '#' -> " (a comment needs a space before \"#\")";
            case '/' -> " (a path needs https:// in front)";
            case '*' -> " (give a real name, not a wildcard)";
            default -> "";
        };
        return "invalid character " + shown + " in host name" + hint;
    }

    private static String emptyLabel() {
        return "empty label in host name (two dots in a row, or a leading dot)";
    }

    private static String withoutTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    private static String abbreviated(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }
}
