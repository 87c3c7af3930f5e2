package org.certcheck.drift;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;

/**
 * Renewed on disk but not served: the newest certificate file that shares a name (SAN entry) with
 * the served certificate was issued after it, and the server still serves the older one; a renewal
 * that nobody installed or no reload picked up.
 */
public final class NotDeployed {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private NotDeployed() {
    }

    public static List<Finding> check(Snapshot now, List<DiskCertificate> files) {
        if (now.leaf().isEmpty()) {
            return List.of();
        }
        Snapshot.Leaf served = now.leaf().get();
        Optional<DiskCertificate> newest = files.stream()
                .filter(file -> file.facts().subjectAltNames().stream().anyMatch(served.subjectAltNames()::contains))
                .max(Comparator.comparing(file -> file.facts().notBefore()));
        if (newest.isEmpty() || newest.get().facts().sha256Fingerprint().equals(served.sha256())
                || !newest.get().facts().notBefore().isAfter(served.notBefore())) {
            return List.of();
        }
        DiskCertificate file = newest.get();
        List<String> shared = file.facts().subjectAltNames().stream().filter(served.subjectAltNames()::contains).toList();
        return List.of(Finding.of(FindingCode.DRIFT_NOT_DEPLOYED, "a newer certificate for " + String.join(", ", shared)
                + " is on disk but not served: " + file.origin() + " (issued " + DAY.format(file.facts().notBefore())
                + ", notAfter " + DAY.format(file.facts().notAfter()) + "); the server still serves the one issued "
                + DAY.format(served.notBefore()) + " (notAfter " + DAY.format(served.notAfter())
                + "): install it and reload the server"));
    }
}
