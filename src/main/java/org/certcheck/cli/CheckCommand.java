package org.certcheck.cli;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.certcheck.aia.CaIssuersFetcher;
import org.certcheck.drift.ChangeDetection;
import org.certcheck.input.HostListEntry;
import org.certcheck.net.FetchProxies;
import org.certcheck.net.FetchRules;
import org.certcheck.net.ProxyChoice;
import org.certcheck.net.Resolver;
import org.certcheck.report.Report;
import org.certcheck.report.Verdict;
import org.certcheck.revocation.RevocationCheck;
import org.certcheck.run.FleetCheck;
import org.certcheck.tls.ProbeSettings;
import org.certcheck.tls.Prober;
import org.certcheck.tls.TlsEngine;
import org.certcheck.validate.Policy;
import org.certcheck.validate.TrustAnchors;
import org.certcheck.validate.Validator;
import org.slf4j.LoggerFactory;

/** {@code certcheck [options] [HOSTFILE|TARGET]...}: check every target, print the report, exit honestly. */
@Command(name = "certcheck", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        // The subcommands are added by Main, only to a command line that can use them (Subcommands).
        // Picocli wraps each line on its own at 80 columns when it cannot see a terminal (piped to
        // less, in CI): lines written wider than that come out ragged.
        description = {
            "Checks the TLS certificates of many hosts against your own CA and reports",
            "every problem of each: untrusted or incomplete chain, expired or expiring,",
            "wrong name, wrong purpose.",
            "",
            "Each argument is a host file (one target per line, '#' comments, '-' for",
            "stdin) if such a file exists, otherwise a target: host, host:port,",
            "https://host[:port]/path, 10.0.0.1:8443, [::1]:8443; STARTTLS with",
            "smtp://, imap://, pop3://, ftp://, ldap://, postgres://, mysql://, xmpp://;",
            "name@10.0.0.1:443 checks a name at an address.",
            "Without --ca the JVM's default trust store is used, like curl.",
            ""},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {"Examples:",
            "  certcheck --ca certs/corp-root.pem hosts.txt",
            "  certcheck --ca certs/corp-root.pem intranet.corp:8443 https://wiki.corp/",
            "  certcheck --ca certs/ --output json hosts.txt > report.json",
            "  certcheck --ca certs/ -o table -o junit=certs.xml -o html=certs.html hosts.txt",
            "  certcheck demo     # a built-in demo fleet on loopback, no network needed",
            "  source <(certcheck generate-completion)   # tab completion in bash or zsh",
            "  certcheck inventory /etc/ssl /opt/app/keystore.p12   # local files, no network",
            "",
            ExitCode.HELP})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TargetArguments targets;

    @ArgGroup(validate = false, heading = "%nTrust:%n")
    TrustOptions trust = new TrustOptions();

    @ArgGroup(validate = false, heading = "%nPolicy:%n")
    PolicyOptions policy = new PolicyOptions();

    @ArgGroup(validate = false, heading = "%nCertificate policy:%n")
    ServerCertificatePolicyOptions certificatePolicy = new ServerCertificatePolicyOptions();

    @ArgGroup(validate = false, heading = "%nConnections:%n")
    ConnectionOptions connection = new ConnectionOptions();

    @ArgGroup(validate = false, heading = "%nRevocation:%n")
    RevocationOptions revocation = new RevocationOptions();

    @ArgGroup(validate = false, heading = "%nFetching (OCSP, CRL and caIssuers URLs named by certificates):%n")
    FetchOptions fetch = new FetchOptions();

    @ArgGroup(validate = false, heading = "%nAddresses and names:%n")
    ReachOptions reach = new ReachOptions();

    @ArgGroup(validate = false, heading = "%nProxy:%n")
    ProxyOptions proxy = new ProxyOptions();

    @ArgGroup(validate = false, heading = "%nClient certificate (mutual TLS):%n")
    ClientCertificateOptions client = new ClientCertificateOptions();

    @ArgGroup(validate = false, heading = "%nTLS engine and key exchange:%n")
    EngineOptions engine = new EngineOptions();

    @ArgGroup(validate = false, heading = "%nClient compatibility:%n")
    CompatibilityOptions clients = new CompatibilityOptions();

    @ArgGroup(validate = false, heading = "%nChanges between runs:%n")
    DriftOptions drift = new DriftOptions();

    @Mixin
    ReportOptions report;

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

    InputStream stdin() {
        return stdin;
    }

    @Override
    public Integer call() {
        Logging.configure(report.verbosity(), report.debug);
        Policy thresholds = policy.policy();
        ProbeSettings settings = connection.settings();
        List<HostListEntry> entries = reach.rewrite(targets.read(stdin));
        certificatePolicy.requirePinnedTargets(entries);
        report.shard = targets.stamp();
        int concurrency = withinDescriptors(connection.concurrency(), entries.size());
        TrustAnchors anchors = certificatePolicy.withAnchors(trust.load());
        ProxyChoice proxies = proxy.choice(environment);
        FetchRules fetchRules = fetch.rules(resolver, anchors);
        RevocationCheck revocationCheck = revocation.check(proxies, fetchRules);

        Optional<ChangeDetection> changes = drift.detection(certificatePolicy.calibration(), targets.identity());
        Instant now = clock.instant();
        TlsEngine tlsEngine = engine.engine();
        if (engine.requirePostQuantum && tlsEngine.resolved() == TlsEngine.JDK) {
            throw new UsageException("--require-post-quantum needs the conscrypt TLS engine, which offers"
                    + " X25519MLKEM768; this run uses " + tlsEngine.describe());
        }
        LoggerFactory.getLogger(CheckCommand.class).info("TLS engine: {}", tlsEngine.describe());
        Validator validator = new Validator(anchors, thresholds, certificatePolicy.requirements(),
                caIssuers(settings.connectTimeout().plus(settings.handshakeTimeout()), proxies, fetchRules),
                engine.calibration(certificatePolicy.calibration())).withClients(clients.compatibility());
        Prober prober = new Prober(settings, resolver, connection.limits(),
                reach.reach().withProxies(proxies).withClient(client.identity(environment)), tlsEngine);
        FleetCheck check = new FleetCheck(prober, validator, revocationCheck, concurrency, reach.allAddresses);
        try (Outputs outputs = report.start(spec.commandLine(), environment, now,
                Progress.Total.of(entries, reach.allAddresses), thresholds, policy.failOnWarn())) {
            // Streaming outputs (JSON Lines) get each target's drift with its row; the whole report's
            // drift, fleet facts included, is computed once more at the end for the other outputs.
            Consumer<Verdict> arrived = changes.filter(detection -> outputs.streams())
                    .<Consumer<Verdict>>map(detection -> verdict -> outputs.arrived(
                            detection.apply(verdict, now, anchors.description()))).orElse(outputs::arrived);
            Report checked = new Report(now, anchors.description(), check.run(entries, now, arrived));
            Report result = changes.map(detection -> detection.apply(checked)).orElse(checked)
                    .withCas(revocationCheck.crlHealth(now));
            outputs.finish(report.arrange(result));
            drift.save(result, targets.identity());
            return report.exitCode(result, policy.failOnWarn());
        }
    }

    /**
     * The concurrency the file descriptor limit allows (issue 14.13); said once on stderr when it
     * is lower than asked and the list is long enough for that to matter.
     */
    private int withinDescriptors(int asked, int targets) {
        Optional<DescriptorBudget> budget = DescriptorBudget.ofThisProcess(engine.engine().descriptorsPerHandshake());
        if (budget.isEmpty()) {
            return asked;
        }
        int effective = budget.get().concurrency(asked);
        if (effective < Math.min(asked, targets)) {
            spec.commandLine().getErr().println(budget.get().lowered(asked, effective));
            spec.commandLine().getErr().flush();
        }
        return effective;
    }

    /** caIssuers downloads go through the probes' proxy, as revocation fetches do. */
    private static CaIssuersFetcher caIssuers(Duration timeout, ProxyChoice proxies, FetchRules rules) {
        if (proxies.proxy().isEmpty()) {
            return new CaIssuersFetcher(timeout, Optional.empty(), Optional.empty(), rules);
        }
        FetchProxies selector = new FetchProxies(proxies);
        return new CaIssuersFetcher(timeout, Optional.of(selector), selector.authenticator(), rules);
    }
}
