package org.certcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.certcheck.demo.DemoFleet;
import org.certcheck.input.HostListEntry;
import org.certcheck.report.Report;
import org.certcheck.report.Verdict;
import org.certcheck.revocation.HttpFetcher;
import org.certcheck.revocation.RevocationCheck;
import org.certcheck.revocation.RevocationMode;
import org.certcheck.run.FleetCheck;
import org.certcheck.tls.ProbeSettings;
import org.certcheck.tls.Prober;
import org.certcheck.validate.Policy;
import org.certcheck.validate.TrustAnchors;
import org.certcheck.validate.Validator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code certcheck demo}: mints a throwaway corporate PKI, starts a real TLS server on loopback for
 * a good host and each kind of problem, and checks them with the same code path as a real run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        // The first line is also this command's summary in 'certcheck --help'; no line is wider
        // than the 80 columns picocli wraps at without a terminal.
        description = {
            "Checks a demo fleet of TLS servers on loopback: no network needed.",
            "",
            "Real TLS servers on 127.0.0.1 with a throwaway CA, one per verdict (good,",
            "expired, not yet valid, expiring, wrong host, wildcard too deep, no SAN,",
            "revoked, Must-Staple without a staple, self-signed, unknown root, incomplete",
            "chain, not a CA, wrong purpose, IP SAN, refused, not TLS, silent, unknown",
            "name). The CA's CRLs are served on 127.0.0.1 too: nothing leaves this machine.",
            "",
            "Exits 0 when every demo target got the verdict it was built for, 4 otherwise.",
            ""})
final class DemoCommand implements Callable<Integer> {
    /** Short, so the silent server's row does not keep the demo waiting. */
    private static final ProbeSettings DEMO_TIMEOUTS = new ProbeSettings(Duration.ofSeconds(2), Duration.ofSeconds(2));

    @Spec
    CommandSpec spec;

    @ParentCommand
    CheckCommand parent;

    @Mixin
    ReportOptions report;

    /** Used by the launcher to train its class-data-sharing archive: every report path, no output. */
    @picocli.CommandLine.Option(names = "--train", hidden = true)
    boolean train;

    @Override
    public Integer call() throws IOException {
        Logging.configure(report.verbosity(), report.debug);
        // Whole seconds: certificate times have no fractions, so "expires in 12 days" stays 12, not 11.
        Instant now = parent.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (DemoFleet fleet = DemoFleet.start(now)) {
            TrustAnchors anchors = new TrustAnchors(List.of(fleet.rootCertificate()),
                    "the demo's own root CA (CN=Demo Corp Root CA)");
            List<HostListEntry> targets = new ArrayList<>();
            fleet.cases().forEach(c -> targets.add(c.target()));
            // The fleet's CRLs are on loopback; the demo checks revocation as a default run does.
            FleetCheck check = new FleetCheck(new Prober(DEMO_TIMEOUTS, fleet.resolver()),
                    new Validator(anchors, Policy.DEFAULT),
                    new RevocationCheck(RevocationMode.SOFT, new HttpFetcher(DEMO_TIMEOUTS.connectTimeout()), List.of()),
                    64);
            if (train) {
                report.train(new Report(now, anchors.description(), check.run(targets, now)), parent.environment());
                try {
                    ArchiveTraining.checkLikeAUser(fleet, parent.clock());
                } catch (IOException e) {
                    // No writable temporary directory: the archive lacks that path, and still helps.
                }
                return ExitCode.OK;
            }
            try (Outputs outputs = report.start(spec.commandLine(), parent.environment(), now,
                    Progress.Total.rows(targets.size()), Policy.DEFAULT, false)) {
                Report result = new Report(now, anchors.description(), check.run(targets, now, outputs::arrived));
                outputs.finish(report.arrange(result));
                return explain(fleet.cases(), result);
            }
        }
    }

    /** Compares each row with what its server was built to show; the notes go to stderr. */
    private int explain(List<DemoFleet.Case> cases, Report result) {
        PrintWriter err = spec.commandLine().getErr();
        List<String> surprises = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            DemoFleet.Case expected = cases.get(i);
            Verdict verdict = result.verdicts().get(i);
            boolean codeSeen = expected.expectedCode().isEmpty() || verdict.findings().stream()
                    .anyMatch(f -> f.code() == expected.expectedCode().get());
            if (verdict.status() != expected.expected() || !codeSeen) {
                surprises.add(verdict.target() + " (" + expected.shows() + "): expected " + expected.expected()
                        + expected.expectedCode().map(c -> " with " + c.code()).orElse("") + ", got "
                        + verdict.status());
            }
        }
        int realExit = ExitCode.of(result, false);
        err.println();
        if (surprises.isEmpty()) {
            err.println("demo: all " + cases.size() + " targets got the verdict they were built for. A real run over"
                    + " them would exit " + realExit + " (" + ExitCode.describe(realExit) + ").");
            // Placeholders, said to be yours: the hint names no file that a fresh clone lacks.
            err.println("demo: next, write your hosts into a file, one per line (see hosts.example.txt), and run");
            err.println("demo:   certcheck --ca YOUR-ROOT-CA.pem YOUR-HOSTS.txt");
            err.flush();
            return ExitCode.OK;
        }
        surprises.forEach(s -> err.println("demo: unexpected verdict for " + s));
        err.flush();
        return ExitCode.INTERNAL;
    }
}
