package org.certcheck.finding;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem (or notable fact) about a target.
 *
 * <p>Checks do not choose a severity: they say what they found ({@code code}) and about whose
 * certificate ({@code role}); {@link Calibration} turns that into a severity for the profile in force.
 * The factories rate with {@link Calibration#DEFAULT}; the check runner re-rates with the run's own.
 *
 * @param code        stable machine code, e.g. {@code cert.expired}; see {@link FindingCode}
 * @param severity    how much it matters, as rated by a {@link Calibration}
 * @param message     what was seen, what was expected, and what to do
 * @param certificate subject of the certificate at fault, when one is
 * @param role        whose certificate it is ({@link Role#TARGET} when it is about no certificate)
 */
public record Finding(FindingCode code, Severity severity, String message, Optional<String> certificate, Role role) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(role, "role");
    }

    /** A finding about the target as a whole. */
    public static Finding of(FindingCode code, String message) {
        return rated(code, message, Optional.empty(), Role.TARGET);
    }

    /** A finding about one certificate, in its role on the path. */
    public static Finding about(String certificateSubject, Role role, FindingCode code, String message) {
        return rated(code, message, Optional.of(certificateSubject), role);
    }

    /** The same finding with another message (more evidence found later). */
    public Finding withMessage(String newMessage) {
        return new Finding(code, severity, newMessage, certificate, role);
    }

    /** The same finding with the severity a calibration gave it. */
    public Finding withSeverity(Severity rated) {
        return rated == severity ? this : new Finding(code, rated, message, certificate, role);
    }

    /**
     * A finding with a severity given outright, for report fixtures in tests; checks never choose a
     * severity: use {@link #of(FindingCode, String)}.
     */
    public static Finding of(FindingCode code, Severity severity, String message) {
        return new Finding(code, severity, message, Optional.empty(), Role.TARGET);
    }

    /**
     * A finding about a leaf with a severity given outright, for report fixtures in tests; checks use
     * {@link #about(String, Role, FindingCode, String)}.
     */
    public static Finding about(String certificateSubject, FindingCode code, Severity severity, String message) {
        return new Finding(code, severity, message, Optional.of(certificateSubject), Role.LEAF);
    }

    private static Finding rated(FindingCode code, String message, Optional<String> certificate, Role role) {
        return new Finding(code, Calibration.DEFAULT.severity(code, role), message, certificate, role);
    }
}
