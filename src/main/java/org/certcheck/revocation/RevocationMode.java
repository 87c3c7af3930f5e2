package org.certcheck.revocation;

/**
 * How hard certcheck looks for revocation, and what it makes of a status it could not learn.
 * A revoked certificate fails in every mode but {@link #OFF}.
 */
public enum RevocationMode {
    /** Revocation is not checked at all; no fetches are made. */
    OFF,
    /**
     * The default: a status that could not be learned (responder down, HTTP error, bad or stale
     * answer) is a warning, so a flaky responder does not fail every host of a cron run.
     */
    SOFT,
    /** A status that could not be learned fails the target. */
    HARD
}
