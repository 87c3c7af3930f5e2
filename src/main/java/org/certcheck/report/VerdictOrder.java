package org.certcheck.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/**
 * The orders {@code --sort} offers. Each is stable: verdicts that compare equal keep their input
 * order.
 */
public enum VerdictOrder {
    /** As the targets were given. */
    INPUT(Comparator.comparingInt(v -> 0)),
    /** Worst first: FAIL, UNKNOWN, WARN, PASS, the order a person fixes things in. */
    STATUS(Comparator.comparingInt(v -> urgency(v.status()))),
    /** Soonest notAfter first (expired ones at the top); targets without a certificate last. */
    EXPIRY(Comparator.comparing((Verdict v) -> v.notAfter().orElse(Instant.MAX))),
    /** By {@code host:port}, ignoring case. */
    TARGET(Comparator.comparing((Verdict v) -> v.target().toLowerCase(Locale.ROOT)));

    private final Comparator<Verdict> comparator;

    VerdictOrder(Comparator<Verdict> comparator) {
        this.comparator = comparator;
    }

    /** The same run with its verdicts in this order. */
    public Report apply(Report report) {
        if (this == INPUT) {
            return report;
        }
        return report.withVerdicts(report.verdicts().stream().sorted(comparator).toList());
    }

    /** 0 for FAIL up to 3 for PASS; the HTML report sorts its status column by it too. */
    static int urgency(Status status) {
        return switch (status) {
            case FAIL -> 0;
            case UNKNOWN -> 1;
            case WARN -> 2;
            case PASS -> 3;
        };
    }
}
