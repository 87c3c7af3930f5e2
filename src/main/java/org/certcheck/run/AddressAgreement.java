package org.certcheck.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Severity;
import org.certcheck.report.CertificateFacts;
import org.certcheck.report.Verdict;

/**
 * Compares what the addresses of one name serve ({@code --all-addresses}): when they present
 * different leaf certificates, a client gets one or the other depending on the address it picks,
 * so every row that saw a certificate gets a {@code host.addresses-differ} warning listing which
 * address serves which. Each row keeps its own judgement as well.
 */
final class AddressAgreement {
    /** Enough of a SHA-256 fingerprint to tell certificates apart in a message. */
    private static final int FINGERPRINT_PREFIX = 23;

    private AddressAgreement() {
    }

    /** The rows of one name's addresses, with the warning added when their certificates differ. */
    static List<Verdict> judge(String name, List<Verdict> rows) {
        Map<String, List<Verdict>> byLeaf = new LinkedHashMap<>();
        for (Verdict row : rows) {
            row.leaf().ifPresent(leaf -> byLeaf.computeIfAbsent(leaf.sha256Fingerprint(), k -> new ArrayList<>()).add(row));
        }
        if (byLeaf.size() < 2) {
            return rows;
        }
        String served = byLeaf.values().stream().map(AddressAgreement::describe).collect(Collectors.joining("; "));
        Finding differ = Finding.of(FindingCode.HOST_ADDRESSES_DIFFER, "the " + rows.size()
                + " addresses of " + name + " serve " + byLeaf.size() + " different certificates: " + served
                + ": a client gets one or the other depending on the address it picks; serve the same certificate"
                + " from every address");
        return rows.stream().map(row -> row.leaf().isPresent() ? withFinding(row, differ) : row).toList();
    }

    /** {@code 10.0.0.1, 10.0.0.2 serve SHA-256 AB:CD:... (CN=..., notAfter 2027-02-23)}. */
    private static String describe(List<Verdict> rows) {
        String addresses = rows.stream().map(row -> row.connection().map(c -> c.address()).orElse(row.target()))
                .collect(Collectors.joining(", "));
        CertificateFacts leaf = rows.get(0).leaf().orElseThrow();
        String fingerprint = leaf.sha256Fingerprint();
        String shortPrint = fingerprint.length() > FINGERPRINT_PREFIX
                ? fingerprint.substring(0, FINGERPRINT_PREFIX) + ":..." : fingerprint;
        return addresses + (rows.size() == 1 ? " serves" : " serve") + " SHA-256 " + shortPrint + " (" + leaf.subject()
                + ", notAfter " + java.time.LocalDate.ofInstant(leaf.notAfter(), java.time.ZoneOffset.UTC) + ")";
    }

    private static Verdict withFinding(Verdict row, Finding finding) {
        List<Finding> findings = new ArrayList<>(row.findings());
        findings.add(finding);
        return row.withFindings(findings);
    }
}
