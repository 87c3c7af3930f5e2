package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certcheck.net.Resolver;
import org.certcheck.testing.CliRun;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** A command line that cannot reach a subcommand is built without them, and answers the same. */
class SubcommandsTest {
    @Test
    void namesAreEveryNameTheRegisteredSubcommandsAnswerTo() {
        CommandLine whole = Main.commandLine(Clock.systemUTC(), Resolver.SYSTEM, Map.of());
        Set<String> registered = new HashSet<>(whole.getSubcommands().keySet());
        whole.getSubcommands().values().forEach(sub -> registered.addAll(List.of(sub.getCommandSpec().aliases())));

        assertThat(Subcommands.NAMES).isEqualTo(registered);
    }

    @Test
    void hostChecksDoNotNeedThem() {
        assertThat(Subcommands.neededBy("--ca", "certs/corp-root.pem", "web.corp:443")).isFalse();
        assertThat(Subcommands.neededBy("-v", "-o", "json=out.json", "--sort", "status", "hosts.txt")).isFalse();
        assertThat(Subcommands.neededBy("--version")).isFalse();
        assertThat(Subcommands.neededBy()).isFalse();
    }

    @Test
    void aSubcommandNameAnywhereHelpOrAnArgumentFileNeedsThem() {
        assertThat(Subcommands.neededBy("demo")).isTrue();
        assertThat(Subcommands.neededBy("--ca", "root.pem", "verify", "leaf.pem")).isTrue();
        assertThat(Subcommands.neededBy("--sni", "merge")).isTrue();
        assertThat(Subcommands.neededBy("generate-completion")).isTrue();
        assertThat(Subcommands.neededBy("--help")).isTrue();
        assertThat(Subcommands.neededBy("-h")).isTrue();
        assertThat(Subcommands.neededBy("-vh")).isTrue();
        assertThat(Subcommands.neededBy("@more-arguments.txt")).isTrue();
    }

    @Test
    void helpStillListsTheSubcommands() {
        CliRun run = CliRun.run("-vh");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Commands:", "  demo ", "  verify ", "  inventory ", "  merge ");
    }

    /** What reaches no host: every answer is the whole command line's, stdout, stderr and exit code. */
    @Test
    void withoutSubcommandsEveryAnswerIsTheWholeCommandLines() {
        List<List<String>> commandLines = List.of(
                List.of(),
                List.of("--version"),
                List.of("-V"),
                List.of("--bogus"),
                List.of("-x", "web.test"),
                List.of("--ca"),
                List.of("--ca", "/nonexistent/root.pem", "web.test"),
                List.of("--output", "yaml", "web.test"),
                List.of("-o", "json", "-o", "csv", "web.test"),
                List.of("--sort", "nope", "web.test"),
                List.of("--connect-timeout", "soon", "web.test"),
                List.of("web.test:99999"),
                List.of("--nagios", "--bogus"),
                List.of("--color"),
                List.of("--", "demo.test:99999"));
        for (List<String> args : commandLines) {
            String[] argv = args.toArray(String[]::new);
            assertThat(Subcommands.neededBy(argv)).as("%s", args).isFalse();

            assertThat(CliRun.run(argv)).as("%s", args).isEqualTo(runWhole(argv));
        }
    }

    private static CliRun runWhole(String... args) {
        CommandLine whole = Main.commandLine(Clock.systemUTC(), Resolver.SYSTEM, Map.of("NO_COLOR", "1"),
                InputStream.nullInputStream());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        whole.setOut(new PrintWriter(out));
        whole.setErr(new PrintWriter(err));
        int exit = whole.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
