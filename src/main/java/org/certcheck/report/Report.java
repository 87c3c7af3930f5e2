package org.certcheck.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.EnumMap;

/**
 * The outcome of one run: every verdict in input order.
 *
 * @param checkedAt when the run judged the certificates (days left are counted from here)
 * @param trust     which trust anchors were used, in words ({@code 1 CA from certs/corp-root.pem})
 * @param fleet     facts about the fleet as a whole (change detection only), empty otherwise
 */
public record Report(Instant checkedAt, String trust, List<Verdict> verdicts, List<FleetFact> fleet) {
    public Report {
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(trust, "trust");
        verdicts = List.copyOf(verdicts);
        fleet = List.copyOf(fleet);
    }

    /** A report without fleet facts (no --baseline or --state). */
    public Report(Instant checkedAt, String trust, List<Verdict> verdicts) {
        this(checkedAt, trust, verdicts, List.of());
    }

    /** This report with other verdicts (same time, trust and fleet facts). */
    public Report withVerdicts(List<Verdict> others) {
        return new Report(checkedAt, trust, others, fleet);
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
