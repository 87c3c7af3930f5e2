package org.certcheck.validate;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem (or notable fact) about a target.
 *
 * @param code        stable machine code, e.g. {@code cert.expired}; see {@link FindingCode}
 * @param severity    how much it matters
 * @param message     what was seen, what was expected, and what to do
 * @param certificate subject of the certificate at fault, when one is
 */
public record Finding(FindingCode code, Severity severity, String message, Optional<String> certificate) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(certificate, "certificate");
    }

    public static Finding of(FindingCode code, Severity severity, String message) {
        return new Finding(code, severity, message, Optional.empty());
    }

    public static Finding about(String certificateSubject, FindingCode code, Severity severity, String message) {
        return new Finding(code, severity, message, Optional.of(certificateSubject));
    }
}
