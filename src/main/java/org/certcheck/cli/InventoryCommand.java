package org.certcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import org.certcheck.finding.Printable;
import org.certcheck.inventory.FileWalk;
import org.certcheck.inventory.Inventory;
import org.certcheck.inventory.InventoryVerdicts;
import org.certcheck.inventory.WalkLimits;
import org.certcheck.report.Report;
import org.certcheck.report.Verdict;
import org.certcheck.store.CertificateFiles;
import org.certcheck.validate.Policy;
import org.certcheck.validate.Requirements;
import org.certcheck.validate.StandaloneCheck;
import org.certcheck.validate.TrustAnchors;

/**
 * {@code certcheck inventory PATH...}: every certificate in local files, directories and
 * keystores, one row each, judged for expiry and policy on its own (and for trust with
 * {@code --ca}); files that cannot be checked are UNKNOWN rows. The cron job that watches
 * {@code /etc/ssl} and Java keystores.
 */
@Command(name = "inventory", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {
            "Checks the certificates in local files, directories and keystores.",
            "",
            "Directories are searched recursively; files may be PEM, DER, PKCS#12, JKS",
            "or JCEKS. One row per certificate, named file, file#N (several in one PEM",
            "file) or keystore:alias, judged for expiry and policy on its own; with --ca",
            "also for trust, its path built from the certificates of the same file. No",
            "network access.",
            "",
            "A file that cannot be read, or that is named (or named like a certificate",
            "file: .pem, .crt, .p12...) and cannot be opened or parsed, is an UNKNOWN",
            "row; other files and private keys are skipped (-v lists them). Symbolic",
            "links are followed, each file is read once.",
            ""},
        footerHeading = "%n",
        footer = {"Examples:",
            "  certcheck inventory /etc/ssl/certs /opt/app/keystore.jks",
            "  certcheck inventory --ca corp-root.pem --password-file pw.txt /etc/pki /opt",
            "  certcheck inventory --warn-days 45 --fail-on warn -o json /etc/ssl",
            "",
            ExitCode.HELP})
final class InventoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CheckCommand parent;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files and directories to search.")
    List<Path> paths = new ArrayList<>();

    @ArgGroup(validate = false, heading = "%nFiles:%n")
    InventoryOptions files = new InventoryOptions();

    @ArgGroup(validate = false, heading = "%nTrust (checked only when one of these is given):%n")
    TrustOptions trust = new TrustOptions();

    @ArgGroup(validate = false, heading = "%nPolicy:%n")
    PolicyOptions policy = new PolicyOptions();

    @ArgGroup(validate = false, heading = "%nCertificate policy:%n")
    CertificatePolicyOptions certificatePolicy = new CertificatePolicyOptions();

    @Mixin
    ReportOptions report;

    /** Not in the help, which offers only what applies; parsed so the error can say why and what to use. */
    @Option(names = "--pin", hidden = true, paramLabel = "[TARGET=]PIN")
    List<String> pins = new ArrayList<>();

    @Override
    public Integer call() {
        Logging.configure(report.verbosity(), report.debug);
        Policy thresholds = policy.policy();
        if (!pins.isEmpty()) {
            throw new UsageException("--pin names the key a server must present; an inventory has no servers:"
                    + " use certcheck verify or the network check");
        }
        Requirements requirements = certificatePolicy.requirements();
        WalkLimits limits = files.limits();
        Optional<TrustAnchors> anchors = anchors();
        Instant now = parent.clock().instant();

        Inventory inventory = new Inventory(new CertificateFiles(files.passwords()),
                new FileWalk(limits, files.excludes()), limits);
        StandaloneCheck check = new StandaloneCheck(anchors, thresholds, requirements, certificatePolicy.calibration());
        List<Verdict> verdicts = new ArrayList<>();
        int skipped = 0;
        PrintWriter err = spec.commandLine().getErr();
        for (Inventory.Item item : inventory.take(paths)) {
            if (item instanceof Inventory.Item.Stored stored) {
                verdicts.add(InventoryVerdicts.of(stored, check, now));
            } else if (item instanceof Inventory.Item.Unchecked unchecked) {
                verdicts.add(InventoryVerdicts.of(unchecked));
            } else if (item instanceof Inventory.Item.Skipped skip) {
                skipped++;
                if (report.verbosity() > 0) {
                    err.println("certcheck: skipped " + Printable.printable(skip.path() + ": " + skip.reason()));
                }
            }
        }
        err.flush();
        if (verdicts.isEmpty()) {
            throw new UsageException("no certificate found in " + String.join(", ", paths.stream().map(Path::toString)
                    .toList()) + " (" + skipped + " file(s) skipped" + (report.verbosity() > 0 ? ""
                    : "; -v lists them") + ")");
        }
        String trustText = anchors.map(TrustAnchors::description)
                .orElse("none: each certificate judged on its own (no --ca)");
        Report result = new Report(now, trustText, verdicts);
        return report.publish(spec.commandLine(), parent.environment(), result, thresholds, policy.failOnWarn());
    }

    /** Trust is judged only when asked for: --ca, --system-trust or --anchor. */
    private Optional<TrustAnchors> anchors() {
        if (!trust.caFiles.isEmpty() || trust.systemTrust) {
            return Optional.of(certificatePolicy.withAnchors(trust.load()));
        }
        if (!certificatePolicy.anchors.isEmpty()) {
            return Optional.of(certificatePolicy.withAnchors(new TrustAnchors(List.of(), "no --ca")));
        }
        return Optional.empty();
    }
}
