package org.certcheck.validate;

import java.util.List;

import org.certcheck.finding.Finding;

/**
 * One rule (or one family of rules from one section of a standard) of certcheck's judgement. A check
 * reads the {@link Evidence} and says what it found and about whose certificate; it never decides a
 * severity (the {@link org.certcheck.finding.Calibration} does) and never throws for a bad
 * certificate. Every check lives in {@link CheckRegistry}, which the network check, {@code verify}
 * and {@code inventory} all use: a new rule is one class and one line there.
 */
@FunctionalInterface
public interface Check {
    /** The findings of this rule; empty when it holds. */
    List<Finding> check(Evidence evidence);
}
