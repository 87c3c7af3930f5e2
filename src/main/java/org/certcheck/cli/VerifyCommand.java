package org.certcheck.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import org.certcheck.finding.Finding;
import org.certcheck.input.Target;
import org.certcheck.offline.BatchJudge;
import org.certcheck.offline.BatchRun;
import org.certcheck.report.Report;
import org.certcheck.report.Verdicts;
import org.certcheck.store.CertificateFileException;
import org.certcheck.store.CertificateFiles;
import org.certcheck.store.StoredCertificate;
import org.certcheck.validate.Assessment;
import org.certcheck.validate.Policy;
import org.certcheck.validate.TrustAnchors;
import org.certcheck.validate.Validator;

/**
 * {@code certcheck verify}: judges certificate files without any network, with the same checks,
 * report and exit codes as a network check; {@code --batch} answers x509-limbo-shaped cases.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {
            "Verifies certificate files offline: no network access at all.",
            "",
            "FILE is PEM, DER, PKCS#12 or JKS: the first certificate is the leaf, the",
            "others (in any file, any order) its chain. Same findings, report and exit",
            "codes as a network check.",
            "",
            "--batch reads x509-limbo testcases from stdin, one JSON object per line, and",
            "writes one answer per line in the same order: {\"id\", \"actual_result\":",
            "SUCCESS|FAILURE|SKIPPED, \"context\"}. Exits 0 at end of input.",
            ""},
        footerHeading = "%n",
        footer = {"Examples:",
            "  certcheck verify --ca corp-root.pem --name web.corp web.pem chain.pem",
            "  certcheck verify --ca corp-root.pem --at 2027-01-01 server.p12",
            "  certcheck verify --batch --warn-days 0 --crit-days 0 < cases.jsonl",
            "",
            ExitCode.HELP})
final class VerifyCommand implements Callable<Integer> {
    private static final Target NO_NAME = new Target("no-name-given.invalid", 443, "verify");

    @Spec
    CommandSpec spec;

    @ParentCommand
    CheckCommand parent;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Leaf first, then any chain certificates.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--name", paramLabel = "HOST|IP", description = "The name or address the leaf must be valid for.")
    String name;

    @Option(names = "--at", paramLabel = "TIME",
            description = "Judge as of TIME instead of now: 2027-01-01 (midnight UTC) or 2027-01-01T12:00:00Z.")
    String at;

    @Option(names = "--password", paramLabel = "PASS", description = "Keystore password to try (repeatable).")
    List<String> passwords = new ArrayList<>();

    @Option(names = "--batch", description = "Read x509-limbo-shaped cases from stdin, one per line.")
    boolean batch;

    @Option(names = "--jobs", paramLabel = "N", description = "Cases judged at once with --batch (default: cores).")
    Integer jobs;

    @ArgGroup(validate = false, heading = "%nTrust:%n")
    TrustOptions trust = new TrustOptions();

    @ArgGroup(validate = false, heading = "%nPolicy:%n")
    PolicyOptions policy = new PolicyOptions();

    @ArgGroup(validate = false, heading = "%nCertificate policy:%n")
    ServerCertificatePolicyOptions certificatePolicy = new ServerCertificatePolicyOptions();

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws IOException {
        Logging.configure(report.verbosity(), report.debug);
        Policy thresholds = policy.policy();
        Instant now = at == null ? parent.clock().instant() : parseTime(at);
        if (batch) {
            return batch(thresholds, now);
        }
        if (files.isEmpty()) {
            throw new UsageException("verify needs at least one certificate file (or --batch)");
        }
        List<X509Certificate> chain = read();
        TrustAnchors anchors = certificatePolicy.withAnchors(trust.load());
        Target target = name == null ? NO_NAME : new Target(name, 443, "--name");
        Validator validator = new Validator(anchors, thresholds, certificatePolicy.requirements(),
                certificatePolicy.calibration());
        Assessment assessment = validator.assess(chain, target, now);
        List<Finding> findings = assessment.findings().stream()
                .filter(finding -> name != null || !finding.code().code().startsWith("host."))
                .toList();
        Assessment shown = new Assessment(assessment.path(), findings);
        String display = name != null ? name : files.get(0).toString();
        Report result = new Report(now, anchors.description(),
                List.of(Verdicts.offline(display, files.get(0).toString(), chain, shown)));
        return report.publish(spec.commandLine(), parent.environment(), result, thresholds, policy.failOnWarn());
    }

    private int batch(Policy thresholds, Instant now) throws IOException {
        if (!files.isEmpty()) {
            throw new UsageException("--batch reads cases from stdin; do not name files");
        }
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new UsageException("--jobs must be at least 1, got " + threads);
        }
        BatchJudge judge = new BatchJudge(thresholds, certificatePolicy.requirements(), certificatePolicy.calibration(), now);
        PrintWriter out = spec.commandLine().getOut();
        new BatchRun(judge, threads).run(new BufferedReader(new InputStreamReader(parent.stdin(),
                StandardCharsets.UTF_8)), out);
        return ExitCode.OK;
    }

    private List<X509Certificate> read() {
        CertificateFiles reader = new CertificateFiles(passwords);
        List<X509Certificate> chain = new ArrayList<>();
        for (Path file : files) {
            try {
                for (StoredCertificate stored : reader.read(file)) {
                    chain.addAll(stored.chain());
                }
            } catch (CertificateFileException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
        return chain;
    }

    static Instant parseTime(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("--at \"" + text + "\": expected a date (2027-01-01) or a time with offset"
                    + " (2027-01-01T12:00:00Z)");
        }
    }
}
