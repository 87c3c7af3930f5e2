package org.certcheck.input;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one line of a host list (or one command-line argument) as a {@link Target}. Never
 * sends a DNS query: names are only checked for form, and {@link IpLiteral} only resolves text
 * that already is an address.
 *
 * <p>Accepted, after trimming and dropping a trailing {@code " # comment"}: {@code host},
 * {@code host:port}, {@code scheme://host[:port][/path][?query][#fragment]} for the schemes of
 * {@link Scheme} (https, the STARTTLS protocols of {@link Protocol}, and the implicit-TLS smtps,
 * imaps, pop3s, ldaps, ftps), IPv4 literals, bracketed IPv6 literals with or without a port, bare
 * IPv6 literals (port 443), and {@code name@address[:port]} anywhere a host may stand (see
 * {@link Endpoint}).
 */
public final class HostListParser {
    /** Longer lines are reported, not parsed: nobody writes a 4 KiB host name on purpose. */
    public static final int MAX_LINE_LENGTH = 4096;

    /** A scheme as RFC 3986 section 3.1 spells it, then "://". */
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://(.*)", Pattern.DOTALL);
    /** A comment starts at a "#" that follows whitespace; "https://web/#top" keeps its fragment. */
    private static final Pattern TRAILING_COMMENT = Pattern.compile("(?U)\\s+#");
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
    /** "https:web" or "https:/web": a URL with its slashes lost, not host "https" with port "web". */
    private static final String PLAIN_HTTP = "http:// is plain text, not TLS: use https:// or host:port";
    private static final Pattern HALF_URL = Pattern.compile("(?i)(https?):(?![0-9]*$).*", Pattern.DOTALL);

    private HostListParser() {
    }

    /**
     * Parses one host-list line.
     *
     * @param line   the raw line, without its line terminator
     * @param origin where it was, e.g. {@code hosts.txt:12}
     * @return empty for a blank line or a line whose first non-blank character is {@code #};
     *         otherwise a {@link Target} or an {@link InputProblem} saying what is wrong
     */
    public static Optional<HostListEntry> parseLine(String line, String origin) {
        return parseLine(line, origin, Protocol.TLS);
    }

    /** As {@link #parseLine(String, String)}; a line without a scheme speaks {@code unschemed}. */
    public static Optional<HostListEntry> parseLine(String line, String origin, Protocol unschemed) {
        if (line.length() > MAX_LINE_LENGTH) {
            return Optional.of(tooLong(line, origin));
        }
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return Optional.empty();
        }
        Matcher comment = TRAILING_COMMENT.matcher(text);
        if (comment.find()) {
            text = text.substring(0, comment.start());
        }
        return Optional.of(parseTarget(text, origin, unschemed));
    }

    /**
     * Parses one target given on its own, such as a command-line argument: the same forms as
     * {@link #parseLine}, but a blank text is a problem and nothing is a comment.
     */
    static HostListEntry parseTarget(String text, String origin) {
        return parseTarget(text, origin, Protocol.TLS);
    }

    /**
     * As {@link #parseTarget(String, String)}; a target written without a scheme speaks
     * {@code unschemed} (the {@code --starttls} choice) and gets its default port.
     */
    static HostListEntry parseTarget(String text, String origin, Protocol unschemed) {
        if (text.length() > MAX_LINE_LENGTH) {
            return tooLong(text, origin);
        }
        String target = text.strip();
        if (target.isEmpty()) {
            return new InputProblem(origin, target, "empty target");
        }
        Matcher space = WHITESPACE.matcher(target);
        if (space.find()) {
            String extra = target.substring(space.end());
            return new InputProblem(origin, target, "unexpected text after the target: \"" + extra + "\"");
        }
        return targetOf(target, origin, unschemed).fold(found -> found, reason -> new InputProblem(origin, target, reason));
    }

    /** Strips a URL down to its endpoint and takes the protocol from its scheme. */
    private static Parsed<Target> targetOf(String text, String origin, Protocol unschemed) {
        Matcher url = SCHEME.matcher(text);
        if (url.matches()) {
            return targetOfUrl(url.group(1).toLowerCase(Locale.ROOT), url.group(2), origin);
        }
        Matcher halfUrl = HALF_URL.matcher(text);
        if (halfUrl.matches()) {
            return halfUrl.group(1).equalsIgnoreCase("http")
                    ? Parsed.failed(PLAIN_HTTP)
                    : Parsed.failed("missing \"//\" after \"https:\"");
        }
        int defaultPort = unschemed.isStartTls() ? unschemed.defaultPort() : PortNumber.HTTPS;
        return targetAt(text, unschemed, defaultPort, origin);
    }

    private static Parsed<Target> targetOfUrl(String schemeName, String rest, String origin) {
        if (schemeName.equals("http")) {
            return Parsed.failed(PLAIN_HTTP);
        }
        Optional<Scheme> scheme = Scheme.of(schemeName);
        if (scheme.isEmpty()) {
            return Parsed.failed("unsupported scheme \"" + schemeName + "\" (supported: " + Scheme.ALL + ")");
        }
        int end = indexOfAny(rest, "/?#");
        String authority = end < 0 ? rest : rest.substring(0, end);
        if (authority.isEmpty()) {
            return Parsed.failed("missing host after " + schemeName + "://");
        }
        return targetAt(authority, scheme.get().protocol(), scheme.get().defaultPort(), origin);
    }

    private static Parsed<Target> targetAt(String text, Protocol protocol, int defaultPort, String origin) {
        return Endpoint.parse(text, defaultPort).then(endpoint -> Parsed.ok(
                new Target(endpoint.host(), endpoint.port(), origin, protocol, endpoint.connectTo())));
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static InputProblem tooLong(String line, String origin) {
        String start = line.strip();
        String shown = start.length() <= 40 ? start : start.substring(0, 40) + "...";
        return new InputProblem(origin, shown,
                "line too long (" + line.length() + " characters, limit " + MAX_LINE_LENGTH + ")");
    }
}
