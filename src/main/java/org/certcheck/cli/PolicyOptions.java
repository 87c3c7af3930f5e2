package org.certcheck.cli;

import org.certcheck.validate.Policy;

import picocli.CommandLine.Option;

/** Thresholds for the checks, and which status fails the run. */
final class PolicyOptions {
    enum FailOn { warn, fail }

    @Option(names = "--warn-days", paramLabel = "DAYS", defaultValue = "30",
            description = "Warn when a certificate expires within DAYS (default: ${DEFAULT-VALUE}).")
    int warnDays;

    @Option(names = "--crit-days", paramLabel = "DAYS", defaultValue = "7",
            description = "Fail when a certificate expires within DAYS (default: ${DEFAULT-VALUE}).")
    int critDays;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "fail",
            description = "Lowest status that makes the exit code 1: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    Policy policy() {
        if (warnDays < 0 || critDays < 0) {
            throw new UsageException("--warn-days and --crit-days must not be negative");
        }
        if (critDays > warnDays) {
            throw new UsageException("--crit-days (" + critDays + ") must not exceed --warn-days (" + warnDays + ")");
        }
        return new Policy(warnDays, critDays);
    }

    boolean failOnWarn() {
        return failOn == FailOn.warn;
    }
}
