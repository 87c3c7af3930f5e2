package org.certcheck.drift;

import java.util.Objects;

import org.certcheck.report.CertificateFacts;

/**
 * A leaf certificate found on disk ({@code --files}), to be joined with the served ones by SAN.
 *
 * @param origin the file, and the entry or alias within it ({@code certs/web.pem#2}, {@code keystore.p12:alias})
 * @param facts  its facts, as the report shows them
 */
public record DiskCertificate(String origin, CertificateFacts facts) {
    public DiskCertificate {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(facts, "facts");
    }
}
