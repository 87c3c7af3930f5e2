package org.certcheck.drift;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A leaf certificate found on disk ({@code --files}), to be joined with the served ones by SAN.
 *
 * @param origin          the file, and the entry or alias within it
 * @param sha256          certificate fingerprint, as in the report
 * @param subjectAltNames as in the report ({@code DNS:name})
 */
public record DiskCertificate(String origin, String sha256, List<String> subjectAltNames, Instant notBefore,
                              Instant notAfter) {
    public DiskCertificate {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sha256, "sha256");
        subjectAltNames = List.copyOf(subjectAltNames);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
    }
}
