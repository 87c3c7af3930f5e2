package org.certcheck.report;

import java.util.List;
import java.util.Objects;

/**
 * A fact about the fleet as a whole, not one target: one key on hosts that share no name, one
 * certificate on many endpoints.
 *
 * @param kind    {@code shared-key} or {@code shared-certificate}
 * @param sha256  the SPKI or certificate fingerprint
 * @param targets the targets concerned, in report order
 */
public record FleetFact(String kind, String sha256, List<String> targets) {
    public FleetFact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sha256, "sha256");
        targets = List.copyOf(targets);
    }

    /** {@code 1 key on 2 hosts that share no name}. */
    public static String summary(List<FleetFact> facts) {
        long keys = facts.stream().filter(f -> f.kind().equals("shared-key")).count();
        long certificates = facts.stream().filter(f -> f.kind().equals("shared-certificate")).count();
        return "fleet: " + keys + (keys == 1 ? " key" : " keys") + " on hosts that share no name, " + certificates
                + (certificates == 1 ? " certificate" : " certificates") + " on several endpoints";
    }
}
