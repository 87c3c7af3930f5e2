package org.certcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.certcheck.net.Resolver;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Run by the build ({@code exec-maven-plugin} in the {@code package} phase, test classpath, so
 * picocli-codegen never reaches the runtime jar): writes the shell completion script and the
 * AsciiDoc sources of the man pages from the real command line, so they always match the options.
 *
 * <ul>
 * <li>{@code target/completion/certcheck_completion}: bash completion, also for zsh through
 *     {@code bashcompinit};</li>
 * <li>{@code target/man-adoc/*.adoc}: one page per command, turned into {@code target/man/certcheck.1}
 *     and {@code certcheck-demo.1} by the asciidoctor plugin.</li>
 * </ul>
 */
public final class BuildDocs {
    private BuildDocs() {
    }

    /** Where the reference lives: the docs/ of the tarball, or /usr/share/doc/certcheck/docs of the .deb. */
    static final String SEE_ALSO = """

            // Added by BuildDocs: the reference beyond the options.
            == See also

            *certcheck-demo*(1), *certcheck-verify*(1), *certcheck-inventory*(1), *certcheck-merge*(1)

            The reference documentation, in _docs/_ of the distribution (_/usr/share/doc/certcheck/docs/_ \
            from the Debian package): _usage.md_ (every option, the host file, exit codes), _findings.md_ \
            (every finding code), _revocation.md_, _reaching.md_, _reports.md_, _json-output.md_, \
            _verify.md_, _inventory.md_, _scale-out.md_, _limits.md_, _security.md_.
            """;

    /**
     * Brackets inside a parameter label ({@code FORMAT[=FILE]}, {@code [TARGET=]PIN}) would start an
     * AsciiDoc attribute list and lose text (the synopsis once lost {@code -o}): written as the
     * attributes for literal brackets. The synopsis line picocli broke inside {@code --pin}'s label
     * is joined again (picocli breaks a long synopsis inside a label as {@code _FORMAT_\\n  _  [=FILE]_}).
     */
    static String literalBrackets(String adoc) {
        return adoc.replaceAll("_\\n\\s*_\\s+", "")
                .replace("FORMAT[=FILE]", "FORMAT{startsb}=FILE{endsb}")
                .replace("[TARGET=]PIN", "{startsb}TARGET={endsb}PIN");
    }

    /** The description's first sentence, up to its first colon or full stop. */
    static String summary(String[] description) {
        StringBuilder paragraph = new StringBuilder();
        for (String line : description) {
            if (line.isBlank()) {
                break;
            }
            paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.strip());
        }
        return paragraph.toString().split("[:.](\\s|$)", 2)[0];
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuildDocs TARGET_DIRECTORY, got " + args.length + " arguments");
        }
        Path target = Path.of(args[0]);
        CommandLine certcheck = Main.commandLine(Clock.systemUTC(), Resolver.SYSTEM, Map.of());
        Path completion = Files.createDirectories(target.resolve("completion"));
        Files.writeString(completion.resolve("certcheck_completion"), AutoComplete.bash("certcheck", certcheck));
        Path manSources = Files.createDirectories(target.resolve("man-adoc"));
        int status = ManPageGenerator.generateManPage(manSources.toFile(), null, new boolean[0], true,
                certcheck.getCommandSpec());
        if (status != 0) {
            throw new IllegalStateException("picocli's ManPageGenerator failed with status " + status);
        }
        try (var pages = Files.list(manSources)) {
            for (Path page : pages.toList()) {
                // "https://host[:port]/path" in the help text is an example, not a link: AsciiDoc would
                // turn "[:port]" into link text, so escape the autolink.
                String text = Files.readString(page).replace("https://", "\\https://");
                Files.writeString(page, literalBrackets(text));
            }
        }
        // The NAME line is the first line of the description, which picocli cut mid-sentence.
        Path main = manSources.resolve("certcheck.adoc");
        Files.writeString(main, Files.readString(main).replaceFirst("(?m)^certcheck - .*$",
                "certcheck - " + summary(certcheck.getCommandSpec().usageMessage().description()))
                + SEE_ALSO);
    }
}
