package org.certcheck.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import picocli.CommandLine.Option;

import org.certcheck.finding.Calibration;
import org.certcheck.finding.Profile;
import org.certcheck.store.CertificateFileException;
import org.certcheck.store.CertificateFiles;
import org.certcheck.store.StoredCertificate;
import org.certcheck.validate.Pin;
import org.certcheck.validate.Requirements;
import org.certcheck.validate.TrustAnchors;

/**
 * What an organisation demands of certificates beyond the defaults (issue #4), as far as it applies
 * to a certificate on its own: the inventory's options. The commands that check what a server
 * presents add {@code --pin} ({@link ServerCertificatePolicyOptions}).
 *
 * <p>{@code order} keeps {@code --pin} in its place in their help (picocli lists a subclass's
 * options after its superclass's).
 */
class CertificatePolicyOptions {
    @Option(names = "--profile", order = 0, paramLabel = "PROFILE", completionCandidates = ProfileNames.class,
            description = {"Rule book the certificates are judged by:",
                    "private (default): what breaks clients fails; an RFC 5280 rule that clients do not enforce"
                            + " warns (information when only your trust anchor breaks it); CA/B Forum rules are"
                            + " information.",
                    "webpki: for publicly trusted sites; the CA/B Forum Baseline Requirements fail too.",
                    "strict: for CA operators; every RFC 5280 and Baseline Requirements MUST fails."})
    Profile profile = Profile.PRIVATE;

    @Option(names = "--max-validity-days", order = 1, paramLabel = "DAYS",
            description = "Fail a leaf valid for longer than DAYS (e.g. 398, the public CA limit).")
    Integer maxValidityDays;

    @Option(names = "--warn-lifetime", order = 2, paramLabel = "PERCENT",
            description = "Also warn when less than PERCENT of a certificate's lifetime remains.")
    Integer warnLifetime;

    @Option(names = "--crit-lifetime", order = 3, paramLabel = "PERCENT",
            description = "Also fail when less than PERCENT of a certificate's lifetime remains.")
    Integer critLifetime;

    @Option(names = "--anchor", order = 5, paramLabel = "FILE",
            description = "Require the chain to end at this root (PEM/DER; trusted too) (repeatable).")
    List<Path> anchors = new ArrayList<>();

    Requirements requirements() {
        if (maxValidityDays != null && maxValidityDays < 1) {
            throw new UsageException("--max-validity-days must be at least 1, got " + maxValidityDays);
        }
        for (Integer percent : new Integer[] {warnLifetime, critLifetime}) {
            if (percent != null && (percent < 0 || percent > 100)) {
                throw new UsageException("--warn-lifetime and --crit-lifetime take a percentage 0-100, got " + percent);
            }
        }
        if (warnLifetime != null && critLifetime != null && critLifetime > warnLifetime) {
            throw new UsageException("--crit-lifetime (" + critLifetime + ") must not exceed --warn-lifetime ("
                    + warnLifetime + ")");
        }
        return new Requirements(optional(maxValidityDays), optional(warnLifetime), optional(critLifetime), pins(),
                anchorCertificates());
    }

    /** How findings are rated under the chosen profile. */
    Calibration calibration() {
        return Calibration.of(profile);
    }

    /** The lower-case names the shell completes and {@code --profile} accepts. */
    static final class ProfileNames extends ArrayList<String> {
        ProfileNames() {
            super(java.util.Arrays.stream(Profile.values()).map(Profile::id).toList());
        }
    }

    /** The keys or certificates a chain must contain: none for a certificate judged on its own. */
    List<Pin> pins() {
        return List.of();
    }

    /** The roots named by --anchor, which are trusted as well as required. */
    List<X509Certificate> anchorCertificates() {
        List<X509Certificate> roots = new ArrayList<>();
        CertificateFiles reader = new CertificateFiles(List.of());
        for (Path file : anchors) {
            try {
                reader.read(file).stream().map(StoredCertificate::certificate).forEach(roots::add);
            } catch (CertificateFileException e) {
                throw new UsageException("--anchor " + e.getMessage(), e);
            }
        }
        return roots;
    }

    /** The trusted CAs plus the --anchor roots. */
    TrustAnchors withAnchors(TrustAnchors trusted) {
        List<X509Certificate> roots = anchorCertificates();
        if (roots.isEmpty()) {
            return trusted;
        }
        List<X509Certificate> all = new ArrayList<>(trusted.certificates());
        roots.stream().filter(root -> !all.contains(root)).forEach(all::add);
        return new TrustAnchors(all, trusted.description() + ", chains must end at the --anchor root",
                trusted.publicRoots());
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
