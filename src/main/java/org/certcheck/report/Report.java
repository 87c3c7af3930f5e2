package org.certcheck.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.EnumMap;

import org.certcheck.revocation.CrlHealth;

/**
 * The outcome of one run: every verdict in input order.
 *
 * @param checkedAt when the run judged the certificates (days left are counted from here)
 * @param trust     which trust anchors were used, in words ({@code 1 CA from certs/corp-root.pem})
 * @param fleet     facts about the fleet as a whole (change detection only), empty otherwise
 * @param cas       the CRL health of each issuing CA met on the run's paths, reported once (not per
 *                  target); empty when revocation was not checked
 */
public record Report(Instant checkedAt, String trust, List<Verdict> verdicts, List<FleetFact> fleet,
                     List<CrlHealth> cas) {
    public Report {
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(trust, "trust");
        verdicts = List.copyOf(verdicts);
        fleet = List.copyOf(fleet);
        cas = List.copyOf(cas);
    }

    /** A report without CRL health. */
    public Report(Instant checkedAt, String trust, List<Verdict> verdicts, List<FleetFact> fleet) {
        this(checkedAt, trust, verdicts, fleet, List.of());
    }

    /** A report without fleet facts (no --baseline or --state) and without CRL health. */
    public Report(Instant checkedAt, String trust, List<Verdict> verdicts) {
        this(checkedAt, trust, verdicts, List.of());
    }

    /** This report with other verdicts (same time, trust, fleet facts and CRL health). */
    public Report withVerdicts(List<Verdict> others) {
        return new Report(checkedAt, trust, others, fleet, cas);
    }

    /** This report with the run's CRL health per issuing CA. */
    public Report withCas(List<CrlHealth> health) {
        return new Report(checkedAt, trust, verdicts, fleet, health);
    }

    /** The status of each CA's CRLs, from the worst of its findings, in {@link #cas()} order. */
    public List<Status> casStatuses() {
        return cas.stream().map(ca -> Status.of(ca.findings())).toList();
    }

    public Map<Status, Integer> countByStatus() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        verdicts.forEach(v -> counts.merge(v.status(), 1, Integer::sum));
        return counts;
    }

    /** {@code 12 checked: 10 pass, 1 warn, 1 fail, 0 unknown}. */
    public String summary() {
        Map<Status, Integer> counts = countByStatus();
        return verdicts.size() + " checked: " + counts.get(Status.PASS) + " pass, " + counts.get(Status.WARN)
                + " warn, " + counts.get(Status.FAIL) + " fail, " + counts.get(Status.UNKNOWN) + " unknown"
                + (fleet.isEmpty() ? "" : "; " + FleetFact.summary(fleet));
    }
}
