package org.certcheck.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.certcheck.input.HostFileException;
import org.certcheck.input.HostList;
import org.certcheck.input.HostListEntry;
import org.certcheck.report.Report;
import org.certcheck.run.FleetCheck;
import org.certcheck.tls.ProbeSettings;
import org.certcheck.tls.Prober;
import org.certcheck.tls.Resolver;
import org.certcheck.trust.TrustAnchorLoader;
import org.certcheck.trust.TrustLoadException;
import org.certcheck.validate.Policy;
import org.certcheck.validate.TrustAnchors;
import org.certcheck.validate.Validator;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code certcheck [options] [HOSTFILE|TARGET]...}: check every target, print the report, exit honestly. */
@Command(name = "certcheck", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        subcommands = {DemoCommand.class},
        // Picocli wraps each line on its own at 80 columns when it cannot see a terminal (piped to
        // less, in CI): lines written wider than that come out ragged.
        description = {
            "Checks the TLS certificates of many hosts against your own CA and reports",
            "every problem of each: untrusted or incomplete chain, expired or expiring,",
            "wrong name, wrong purpose.",
            "",
            "Each argument is a host file (one target per line, '#' comments, '-' for",
            "stdin) if such a file exists, otherwise a target: host, host:port,",
            "https://host[:port]/path, 10.0.0.1:8443, [::1]:8443.",
            "Without --ca the JVM's default trust store is used, like curl.",
            ""},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {"Examples:",
            "  certcheck --ca certs/corp-root.pem hosts.txt",
            "  certcheck --ca certs/corp-root.pem intranet.corp:8443 https://wiki.corp/",
            "  certcheck --ca certs/ --output json hosts.txt > report.json",
            "  certcheck demo     # a built-in demo fleet on loopback, no network needed",
            "",
            ExitCode.HELP})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "HOSTFILE|TARGET", arity = "0..*",
            description = "Host files ('-' reads stdin) and targets, in any mix.")
    List<String> arguments = new ArrayList<>();

    @Option(names = {"-f", "--hosts"}, paramLabel = "FILE",
            description = "A host file, even if its name looks like a host (repeatable).")
    List<Path> hostFiles = new ArrayList<>();

    @ArgGroup(validate = false, heading = "%nTrust:%n")
    TrustOptions trust = new TrustOptions();

    @ArgGroup(validate = false, heading = "%nPolicy:%n")
    PolicyOptions policy = new PolicyOptions();

    @ArgGroup(validate = false, heading = "%nConnections:%n")
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    ReportOptions report;

    static final class TrustOptions {
        @Option(names = "--ca", paramLabel = "FILE|DIR",
                description = "Trusted CA certificates: a PEM bundle, a DER file or a directory of them (repeatable).")
        List<Path> caFiles = new ArrayList<>();

        @Option(names = "--system-trust", description = "Also trust the JVM's default CAs when --ca is given.")
        boolean systemTrust;
    }

    static final class PolicyOptions {
        @Option(names = "--warn-days", paramLabel = "DAYS", defaultValue = "30",
                description = "Warn when a certificate expires within DAYS (default: ${DEFAULT-VALUE}).")
        int warnDays;

        @Option(names = "--crit-days", paramLabel = "DAYS", defaultValue = "7",
                description = "Fail when a certificate expires within DAYS (default: ${DEFAULT-VALUE}).")
        int critDays;

        @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "fail",
                description = "Lowest status that makes the exit code 1: ${COMPLETION-CANDIDATES} "
                        + "(default: ${DEFAULT-VALUE}).")
        FailOn failOn;
    }

    enum FailOn { warn, fail }

    static final class ConnectionOptions {
        @Option(names = "--connect-timeout", paramLabel = "TIME", defaultValue = "5s",
                converter = DurationConverter.class,
                description = "Limit for name resolution plus TCP connect (default: ${DEFAULT-VALUE}).")
        Duration connectTimeout;

        @Option(names = "--handshake-timeout", paramLabel = "TIME", defaultValue = "10s",
                converter = DurationConverter.class,
                description = "Limit for the whole TLS handshake (default: ${DEFAULT-VALUE}).")
        Duration handshakeTimeout;

        @Option(names = {"-c", "--concurrency"}, paramLabel = "N", defaultValue = "256",
                description = "Targets checked at the same time (default: ${DEFAULT-VALUE}).")
        int concurrency;
    }

    private final Clock clock;
    private final Resolver resolver;
    private final Map<String, String> environment;
    private final InputStream stdin;

    public CheckCommand(Clock clock, Resolver resolver, Map<String, String> environment) {
        this(clock, resolver, environment, System.in);
    }

    /** @param stdin what {@code -} reads, so tests can feed a host list without touching {@code System.in} */
    public CheckCommand(Clock clock, Resolver resolver, Map<String, String> environment, InputStream stdin) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.environment = Map.copyOf(environment);
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    Clock clock() {
        return clock;
    }

    Map<String, String> environment() {
        return environment;
    }

    @Override
    public Integer call() {
        Logging.configure(report.verbosity(), report.debug);
        Policy thresholds = policy();
        ProbeSettings settings = new ProbeSettings(connection.connectTimeout, connection.handshakeTimeout);
        if (connection.concurrency < 1) {
            throw new UsageException("--concurrency must be at least 1, got " + connection.concurrency);
        }
        List<HostListEntry> entries = HostList.withoutDuplicates(readTargets());
        TrustAnchors anchors = loadTrust();

        Instant now = clock.instant();
        FleetCheck check = new FleetCheck(new Prober(settings, resolver), new Validator(anchors, thresholds),
                connection.concurrency);
        Report result = new Report(now, anchors.description(), check.run(entries, now));
        report.write(result, spec.commandLine().getOut(), environment);
        return ExitCode.of(result, policy.failOn == FailOn.warn);
    }

    private Policy policy() {
        if (policy.warnDays < 0 || policy.critDays < 0) {
            throw new UsageException("--warn-days and --crit-days must not be negative");
        }
        if (policy.critDays > policy.warnDays) {
            throw new UsageException("--crit-days (" + policy.critDays + ") must not exceed --warn-days ("
                    + policy.warnDays + ")");
        }
        return new Policy(policy.warnDays, policy.critDays);
    }

    private TrustAnchors loadTrust() {
        try {
            return TrustAnchorLoader.load(trust.caFiles, trust.systemTrust);
        } catch (TrustLoadException e) {
            throw new UsageException("--ca " + e.getMessage(), e);
        }
    }

    private List<HostListEntry> readTargets() {
        List<HostListEntry> entries = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        try {
            for (Path file : hostFiles) {
                entries.addAll(HostList.read(file));
                lists.add(file.toString());
            }
            int index = 0;
            for (String argument : arguments) {
                index++;
                if (argument.equals("-")) {
                    entries.addAll(HostList.read(stdin, "stdin"));
                    lists.add("stdin");
                } else if (isHostFile(argument)) {
                    entries.addAll(HostList.read(Path.of(argument)));
                    lists.add(argument);
                } else if (looksLikeFile(argument)) {
                    throw new UsageException(argument + ": no such host file");
                } else {
                    entries.add(HostList.parseArgument(argument, index));
                }
            }
        } catch (HostFileException e) {
            throw new UsageException(e.getMessage(), e);
        }
        if (hostFiles.isEmpty() && arguments.isEmpty()) {
            throw new UsageException("nothing to check: give a host file or targets (see --help), or try 'certcheck demo'");
        }
        if (entries.isEmpty()) {
            // Only host lists can yield nothing: every target argument becomes an entry.
            throw new UsageException(String.join(", ", lists) + ": no targets (empty, or only blank and comment lines)");
        }
        return entries;
    }

    /**
     * A regular file is a host list whatever its name. A path-like argument that exists is one too,
     * so that a pipe ({@code <(grep -v staging hosts.txt)}) is read and a directory is reported as
     * a directory, not as a missing file.
     */
    private static boolean isHostFile(String argument) {
        Path path = Path.of(argument);
        return Files.isRegularFile(path) || (looksLikeFile(argument) && Files.exists(path));
    }

    /** A path-like argument that is not a file is a typo'd host file, not a host name. */
    private static boolean looksLikeFile(String argument) {
        if (argument.contains("://")) {
            return false;
        }
        return argument.contains("/") || argument.contains("\\")
                || argument.matches("(?i).*\\.(txt|list|lst|hosts|csv|conf)");
    }
}
