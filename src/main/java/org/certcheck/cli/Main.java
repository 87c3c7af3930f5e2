package org.certcheck.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

import org.certcheck.crypto.CurveProvider;
import org.certcheck.tls.Resolver;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;

/** The entry point: builds the command line, maps every exception to an exit code, exits. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Faster elliptic curves for every handshake: see CurveProvider for why this is process-wide.
        CurveProvider.preferForThisProcess();
        System.exit(commandLine(Clock.systemUTC(), Resolver.SYSTEM, System.getenv()).execute(args));
    }

    /** The whole CLI with injected time, name resolution and environment, so tests run it in-process. */
    public static CommandLine commandLine(Clock clock, Resolver resolver, Map<String, String> environment) {
        return commandLine(clock, resolver, environment, System.in);
    }

    /** As {@link #commandLine(Clock, Resolver, Map)}, with the standard input that {@code -} reads. */
    public static CommandLine commandLine(Clock clock, Resolver resolver, Map<String, String> environment,
            InputStream stdin) {
        CheckCommand command = new CheckCommand(clock, resolver, environment, stdin);
        CommandLine commandLine = new CommandLine(command);
        // 'source <(certcheck generate-completion)': picocli's own bash/zsh script, not listed in --help.
        commandLine.addSubcommand("generate-completion", new picocli.AutoComplete.GenerateCompletion());
        commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(usageErrors());
        commandLine.setExecutionExceptionHandler(executionErrors());
        commandLine.setExitCodeExceptionMapper(e -> e instanceof UsageException ? ExitCode.USAGE : ExitCode.INTERNAL);
        return commandLine;
    }

    private static IParameterExceptionHandler usageErrors() {
        return (e, args) -> {
            if (java.util.Arrays.asList(args).contains("--nagios")) {
                return nagiosUnknown(e.getCommandLine(), e.getMessage());
            }
            PrintWriter err = e.getCommandLine().getErr();
            err.println("certcheck: " + e.getMessage());
            err.println("Try 'certcheck --help' for usage.");
            err.flush();
            return ExitCode.USAGE;
        };
    }

    /**
     * In plugin mode an error is the plugin state UNKNOWN (exit 3), told on stdout, the only stream
     * Nagios shows (Nagios Plugin Development Guidelines, "Plugin Return Codes").
     */
    private static int nagiosUnknown(CommandLine commandLine, String message) {
        PrintWriter out = commandLine.getOut();
        out.println("CERTCHECK UNKNOWN - " + message.replace('|', '/').replace('\n', ' '));
        out.flush();
        return org.certcheck.report.NagiosReporter.State.UNKNOWN.exitCode();
    }

    private static IExecutionExceptionHandler executionErrors() {
        return (e, commandLine, parseResult) -> {
            if (parseResult.hasMatchedOption("--nagios")) {
                return nagiosUnknown(commandLine, e instanceof UsageException ? e.getMessage()
                        : "internal error: " + e);
            }
            PrintWriter err = commandLine.getErr();
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || (parseResult.hasSubcommand() && parseResult.subcommand().hasMatchedOption("--debug"));
            if (e instanceof UsageException) {
                err.println("certcheck: " + e.getMessage());
                if (debug) {
                    e.printStackTrace(err);
                }
                err.flush();
                return ExitCode.USAGE;
            }
            err.println("certcheck: internal error: " + e + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCode.INTERNAL;
        };
    }
}
