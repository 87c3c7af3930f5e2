package org.certcheck.drift;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one target served in one run, as its JSON report says (docs/json-output.md).
 *
 * @param target        {@code host:port} as reported: the key that joins two runs
 * @param leaf          the leaf's facts; empty when no certificate was seen (unreachable, not TLS)
 * @param intermediates SHA-256 fingerprints of the other certificates the server sent, in order
 * @param anchor        subject of the trust anchor the path ended at; empty when none
 */
public record Snapshot(String target, Optional<Leaf> leaf, List<String> intermediates, Optional<String> anchor) {
    public Snapshot {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(leaf, "leaf");
        intermediates = List.copyOf(intermediates);
        Objects.requireNonNull(anchor, "anchor");
    }

    /**
     * @param spkiSha256 empty in reports written before certcheck recorded it
     */
    public record Leaf(String sha256, String serialNumber, String issuer, List<String> subjectAltNames,
                       String spkiSha256, String keyType, int keySize, List<String> keyUsage,
                       List<String> extendedKeyUsage, Instant notBefore, Instant notAfter) {
        public Leaf {
            subjectAltNames = List.copyOf(subjectAltNames);
            keyUsage = List.copyOf(keyUsage);
            extendedKeyUsage = List.copyOf(extendedKeyUsage);
        }

        /** Whole days from notBefore to notAfter (inclusive, as the Baseline Requirements count). */
        public long lifetimeDays() {
            return Duration.between(notBefore, notAfter).plusSeconds(1).toDays();
        }
    }
}
