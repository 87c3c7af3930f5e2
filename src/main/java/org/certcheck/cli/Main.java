package org.certcheck.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

import org.certcheck.net.Resolver;
import org.certcheck.tls.TlsEngine;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;

/** The entry point: builds the command line, maps every exception to an exit code, exits. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Logging through LoggingProvider: no provider search, no logback auto-configuration.
        setIfAbsent("slf4j.provider", LoggingProvider.class.getName());
        setIfAbsent("slf4j.internal.verbosity", "WARN"); // SLF4J would say on stderr which provider it took
        loadTlsEngineMeanwhile(args);
        CommandLine commandLine = commandLine(Clock.systemUTC(), Resolver.SYSTEM, System.getenv(), System.in, args);
        PrintWriter out = StandardOutput.open();
        commandLine.setOut(out);
        int exit = commandLine.execute(args);
        // Outputs reports a failed report itself (exit 2); this catches the rest (help, merge, version).
        if (out.checkError() && exit != ExitCode.USAGE) {
            commandLine.getErr().println("certcheck: " + StandardOutput.FAILED);
            commandLine.getErr().flush();
            exit = ExitCode.USAGE;
        }
        System.exit(exit);
    }

    private static final class TlsEngineLoader implements Runnable {
        @Override
        public void run() {
            TlsEngine.AUTO.resolved();
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /**
     * Loads the native TLS engine (Conscrypt unpacks and links BoringSSL: about 50 ms) on a second
     * thread while this one builds the command line, which needs about as long: a one-host check
     * starts that much sooner. Not when the command line or {@code -Dcertcheck.tlsEngine} asks for
     * the JDK's engine: then no native code is loaded at all.
     */
    private static void loadTlsEngineMeanwhile(String[] args) {
        String line = (" " + String.join(" ", args) + " ").toLowerCase(java.util.Locale.ROOT);
        if (line.contains(" --tls-engine jdk ") || line.contains(" --tls-engine=jdk ")
                || "jdk".equalsIgnoreCase(System.getProperty(TlsEngine.PROPERTY, "").trim())) {
            return;
        }
        // A class, not a lambda: the process's first lambda sets up the JVM's lambda machinery (~9 ms),
        // which the loader thread, whose Conscrypt code uses lambdas, then does off the main thread.
        Thread loader = new Thread(new TlsEngineLoader(), "certcheck-load-tls-engine");
        loader.setDaemon(true);
        loader.start();
    }

    /** The whole CLI with injected time, name resolution and environment, so tests run it in-process. */
    public static CommandLine commandLine(Clock clock, Resolver resolver, Map<String, String> environment) {
        return commandLine(clock, resolver, environment, System.in);
    }

    /** As {@link #commandLine(Clock, Resolver, Map)}, with the standard input that {@code -} reads. */
    public static CommandLine commandLine(Clock clock, Resolver resolver, Map<String, String> environment,
            InputStream stdin) {
        return commandLine(clock, resolver, environment, stdin, true);
    }

    /**
     * The CLI that will run {@code args}: as the whole CLI, it parses them and answers them the same
     * way, but leaves out the subcommands when {@code args} cannot reach them (start-up time).
     */
    public static CommandLine commandLine(Clock clock, Resolver resolver, Map<String, String> environment,
            InputStream stdin, String... args) {
        return commandLine(clock, resolver, environment, stdin, Subcommands.neededBy(args));
    }

    private static CommandLine commandLine(Clock clock, Resolver resolver, Map<String, String> environment,
            InputStream stdin, boolean withSubcommands) {
        CheckCommand command = new CheckCommand(clock, resolver, environment, stdin);
        CommandLine commandLine = new CommandLine(command);
        if (withSubcommands) {
            Subcommands.addTo(commandLine);
        }
        // After the subcommands: picocli applies these to the commands registered so far.
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
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
                // "Did you mean: --ca-password?" for a mistyped option or subcommand.
                CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err);
            }
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
