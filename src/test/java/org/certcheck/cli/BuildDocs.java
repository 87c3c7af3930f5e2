package org.certcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.certcheck.tls.Resolver;

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
                Files.writeString(page, Files.readString(page).replace("https://", "\\https://"));
            }
        }
    }
}
