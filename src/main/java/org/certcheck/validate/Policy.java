package org.certcheck.validate;

/**
 * Thresholds the checks judge against.
 *
 * @param warnDays a leaf expiring within this many days is a warning
 * @param critDays a certificate on the path expiring within this many days is a failure
 */
public record Policy(int warnDays, int critDays) {
    public static final Policy DEFAULT = new Policy(30, 7);

    public Policy {
        if (warnDays < 0 || critDays < 0) {
            throw new IllegalArgumentException("thresholds must not be negative: warn " + warnDays + ", crit " + critDays);
        }
    }
}
