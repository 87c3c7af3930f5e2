package org.certcheck.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Severity;
import org.certcheck.report.Status;
import org.certcheck.report.Verdict;
import org.certcheck.report.Verdicts;
import org.certcheck.validate.Assessment;
import org.certcheck.validate.StandaloneCheck;

/**
 * The rows of an inventory: one per certificate, named by where it was found
 * ({@code /etc/ssl/certs/web.pem}, {@code bundle.pem#2}, {@code keystore.p12:alias}), with the file
 * as its origin; one per file that could not be checked. Its chain is the certificate, then the rest
 * of the path it was judged with.
 */
public final class InventoryVerdicts {
    private InventoryVerdicts() {
    }

    public static Verdict of(Inventory.Item.Stored item, StandaloneCheck check, Instant now) {
        try {
            Assessment assessment = check.assess(item.stored().certificate(), item.companions(), now);
            return Verdicts.offline(item.stored().origin(), item.file().toString(),
                    assessment.path().certificates(), assessment);
        } catch (RuntimeException e) {
            return unknown(item.stored().origin(), item.file().toString(), Finding.of(FindingCode.INTERNAL_ERROR,
                    "certcheck failed on this certificate: " + e
                            + " (a bug: please report it, with --debug output)"));
        }
    }

    public static Verdict of(Inventory.Item.Unchecked item) {
        String path = item.path().toString();
        return unknown(path, path, Finding.of(item.code(), item.message()));
    }

    private static Verdict unknown(String target, String origin, Finding finding) {
        return new Verdict(target, origin, Status.UNKNOWN, List.of(finding), Optional.empty(), List.of(), List.of(),
                Optional.empty(), Duration.ZERO);
    }
}
