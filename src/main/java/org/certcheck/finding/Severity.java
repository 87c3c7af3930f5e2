package org.certcheck.finding;

/** How much a finding matters; ordered from least to most severe. */
public enum Severity {
    /** A fact worth showing that does not affect the status. */
    INFO,
    /** The target passes unless the user asked for {@code --fail-on warn}. */
    WARN,
    /** The target fails. */
    FAIL,
    /** The target could not be checked at all. */
    UNKNOWN
}
