package org.certcheck.revocation;

import java.util.List;

import org.certcheck.finding.Finding;

/**
 * The revocation status of every certificate on a validated path except its anchor (the anchor is
 * trusted as configured; the intermediate's status comes from the anchor's CRL or OCSP).
 *
 * @param certificates leaf first, one per certificate checked
 * @param findings     what the statuses mean for the target, judged by the run's {@link RevocationMode}
 */
public record PathRevocation(List<CertificateRevocation> certificates, List<Finding> findings) {
    public PathRevocation {
        certificates = List.copyOf(certificates);
        findings = List.copyOf(findings);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a path revocation needs at least the leaf");
        }
    }

    /**
     * The status of the target as a whole: revoked if any certificate is, else unknown if any is,
     * else the leaf's (good or no-info; an intermediate without revocation information does not
     * hide that the leaf was checked).
     */
    public RevocationStatus status() {
        if (has(RevocationStatus.REVOKED)) {
            return RevocationStatus.REVOKED;
        }
        if (has(RevocationStatus.UNKNOWN)) {
            return RevocationStatus.UNKNOWN;
        }
        return leaf().status();
    }

    public CertificateRevocation leaf() {
        return certificates.get(0);
    }

    /**
     * A few words for a table cell: {@code good (ocsp)}, {@code revoked (crl)}, {@code unknown},
     * {@code no info}. The source named is that of the leaf, or of the first revoked certificate.
     */
    public String summary() {
        RevocationStatus status = status();
        CertificateRevocation named = certificates.stream().filter(c -> c.status() == status).findFirst()
                .orElse(leaf());
        return switch (status) {
            case GOOD, REVOKED -> status.label() + named.source().map(s -> " (" + s.label() + ")").orElse("");
            case UNKNOWN -> "unknown";
            case NO_INFO -> "no info";
        };
    }

    private boolean has(RevocationStatus status) {
        return certificates.stream().anyMatch(c -> c.status() == status);
    }
}
