package org.certcheck.drift;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;

/**
 * What changed for one target between a baseline run and this one. A renewal is information; what an
 * operator did not plan (another issuer or anchor, names or usages lost, an earlier expiry) warns.
 */
public final class DriftRules {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private DriftRules() {
    }

    /** The drift findings of {@code now} against {@code before} (empty: the target is new). */
    public static List<Finding> compare(Optional<Snapshot> before, Snapshot now) {
        if (before.isEmpty()) {
            return List.of(Finding.of(FindingCode.DRIFT_NEW, "not in the baseline run: first seen now"));
        }
        Optional<Snapshot.Leaf> was = before.get().leaf();
        Optional<Snapshot.Leaf> is = now.leaf();
        if (was.isEmpty() || is.isEmpty()) {
            return was.isPresent()
                    ? List.of(Finding.of(FindingCode.DRIFT_UNREACHABLE, "served certificate " + short16(was.get().sha256())
                            + " in the baseline run and none now: see the finding above for why"))
                    : List.of();
        }
        List<Finding> findings = new ArrayList<>();
        Snapshot.Leaf a = was.get();
        Snapshot.Leaf b = is.get();
        if (!a.sha256().equals(b.sha256())) {
            findings.add(leaf(FindingCode.DRIFT_RENEWED, "certificate renewed: " + short16(a.sha256()) + " (serial "
                    + a.serialNumber() + ", notAfter " + DAY.format(a.notAfter()) + ") -> " + short16(b.sha256())
                    + " (serial " + b.serialNumber() + ", notAfter " + DAY.format(b.notAfter()) + ")"));
            renewal(a, b, findings);
        }
        if (!a.issuer().equals(b.issuer())) {
            findings.add(leaf(FindingCode.DRIFT_ISSUER_CHANGED, "issuer changed from \"" + a.issuer() + "\" to \""
                    + b.issuer() + "\": make sure the new CA was planned and every client trusts it"));
        } else if (!before.get().intermediates().equals(now.intermediates())) {
            findings.add(Finding.of(FindingCode.DRIFT_ISSUER_CHANGED, "the intermediates sent changed: "
                    + fingerprints(before.get().intermediates()) + " -> " + fingerprints(now.intermediates())
                    + ": check the chain file deployed with the certificate"));
        }
        if (!before.get().anchor().equals(now.anchor())) {
            findings.add(Finding.of(FindingCode.DRIFT_ANCHOR_CHANGED, "the path now ends at "
                    + now.anchor().map(s -> "\"" + s + "\"").orElse("no trust anchor") + ", before at "
                    + before.get().anchor().map(s -> "\"" + s + "\"").orElse("no trust anchor")
                    + ": make sure the new root was planned"));
        }
        return findings;
    }

    private static void renewal(Snapshot.Leaf a, Snapshot.Leaf b, List<Finding> findings) {
        if (!a.spkiSha256().isEmpty() && a.spkiSha256().equals(b.spkiSha256())) {
            findings.add(leaf(FindingCode.DRIFT_KEY_REUSED, "the renewed certificate kept the previous key (SPKI "
                    + short16(b.spkiSha256()) + "): a new key per renewal limits what a leaked key exposes"));
        }
        if (!a.keyType().equals(b.keyType()) || a.keySize() != b.keySize()) {
            findings.add(leaf(FindingCode.DRIFT_KEY_CHANGED, "key changed from " + a.keyType() + " " + a.keySize()
                    + " to " + b.keyType() + " " + b.keySize() + ": make sure every client supports it"));
        }
        Set<String> lost = lost(a.subjectAltNames(), b.subjectAltNames());
        if (!lost.isEmpty()) {
            findings.add(leaf(FindingCode.DRIFT_NAMES_LOST, "the renewed certificate no longer covers "
                    + String.join(", ", lost) + ": clients using those names will fail; reissue it with them"));
        }
        Set<String> usages = lost(a.extendedKeyUsage(), b.extendedKeyUsage());
        usages.addAll(lost(a.keyUsage(), b.keyUsage()));
        if (!usages.isEmpty()) {
            findings.add(leaf(FindingCode.DRIFT_USAGE_LOST, "the renewed certificate lost key usage "
                    + String.join(", ", usages) + ": check the CA's template"));
        }
        if (a.lifetimeDays() != b.lifetimeDays()) {
            findings.add(leaf(FindingCode.DRIFT_LIFETIME_CHANGED, "lifetime changed from " + a.lifetimeDays()
                    + " to " + b.lifetimeDays() + " days: renewal automation must keep pace"));
        }
        if (b.notAfter().isBefore(a.notAfter())) {
            findings.add(leaf(FindingCode.DRIFT_EXPIRY_EARLIER, "the new certificate expires "
                    + DAY.format(b.notAfter()) + ", before the previous one (" + DAY.format(a.notAfter())
                    + "): an older certificate may have been deployed"));
        }
    }

    private static Set<String> lost(List<String> before, List<String> now) {
        Set<String> lost = new LinkedHashSet<>(before);
        now.forEach(lost::remove);
        return lost;
    }

    private static Finding leaf(FindingCode code, String message) {
        return Finding.of(code, message);
    }

    private static String fingerprints(List<String> sha256s) {
        return sha256s.isEmpty() ? "none" : String.join(", ", sha256s.stream().map(DriftRules::short16).toList());
    }

    /** The first 8 bytes of a fingerprint, enough to tell certificates apart in a message. */
    static String short16(String fingerprint) {
        return fingerprint.length() > 23 ? fingerprint.substring(0, 23) : fingerprint;
    }
}
