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
 */
public record Report(Instant checkedAt, String trust, List<Verdict> verdicts) {
    public Report {
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(trust, "trust");
        verdicts = List.copyOf(verdicts);
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
                + " warn, " + counts.get(Status.FAIL) + " fail, " + counts.get(Status.UNKNOWN) + " unknown";
    }
}
