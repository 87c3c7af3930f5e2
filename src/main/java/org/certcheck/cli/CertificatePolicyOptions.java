package org.certcheck.cli;

import java.util.OptionalInt;

import org.certcheck.validate.Requirements;

import picocli.CommandLine.Option;

/** What an organisation demands of certificates beyond the defaults (issue #4). */
final class CertificatePolicyOptions {
    @Option(names = "--max-validity-days", paramLabel = "DAYS",
            description = "Fail a leaf valid for longer than DAYS (e.g. 398, the public CA limit).")
    Integer maxValidityDays;

    Requirements requirements() {
        if (maxValidityDays != null && maxValidityDays < 1) {
            throw new UsageException("--max-validity-days must be at least 1, got " + maxValidityDays);
        }
        return Requirements.NONE.withMaxValidityDays(
                maxValidityDays == null ? OptionalInt.empty() : OptionalInt.of(maxValidityDays));
    }
}
