package org.certcheck.finding;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one place where a finding gets its severity: from its code's {@link Kind}, the {@link Role}
 * of the certificate it is about, and the {@link Profile}; codes the operator raised (for example
 * {@code revocation.unknown} under {@code --revocation hard}) fail whatever their kind.
 *
 * <pre>
 * kind       private                          webpki                          strict
 * BREAKS     FAIL                             FAIL                            FAIL
 * POLICY     FAIL                             FAIL                            FAIL
 * LINT       WARN (INFO on the anchor)        FAIL (WARN on the anchor)       FAIL
 * RFC_ONLY   WARN (INFO on the anchor)        INFO                            FAIL
 * BR         INFO                             FAIL                            FAIL
 * HYGIENE    WARN                             WARN                            WARN
 * INFO       INFO                             INFO                            INFO
 * UNCHECKED  UNKNOWN                          UNKNOWN                         UNKNOWN
 * </pre>
 *
 * The anchor's lint weighs least because the anchor is an input of validation, trusted for its name
 * and key (RFC 5280 6.1.1 d): no client judges its extensions, and the operator chose it.
 */
public record Calibration(Profile profile, Set<FindingCode> raised) {
    public static final Calibration DEFAULT = new Calibration(Profile.PRIVATE, Set.of());

    public Calibration {
        Objects.requireNonNull(profile, "profile");
        raised = raised.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(raised));
    }

    public static Calibration of(Profile profile) {
        return new Calibration(profile, Set.of());
    }

    /** This calibration with {@code codes} raised to FAIL as well. */
    public Calibration raising(Set<FindingCode> codes) {
        Set<FindingCode> all = EnumSet.noneOf(FindingCode.class);
        all.addAll(raised);
        all.addAll(codes);
        return new Calibration(profile, all);
    }

    public Severity severity(FindingCode code, Role role) {
        if (code.kind() == Kind.UNCHECKED) {
            return Severity.UNKNOWN;
        }
        if (raised.contains(code)) {
            return Severity.FAIL;
        }
        return switch (code.kind()) {
            case BREAKS, POLICY -> Severity.FAIL;
            case LINT -> switch (profile) {
                case PRIVATE -> role == Role.ANCHOR ? Severity.INFO : Severity.WARN;
                case WEBPKI -> role == Role.ANCHOR ? Severity.WARN : Severity.FAIL;
                case STRICT -> Severity.FAIL;
            };
            case RFC_ONLY -> switch (profile) {
                case PRIVATE -> role == Role.ANCHOR ? Severity.INFO : Severity.WARN;
                case WEBPKI -> Severity.INFO;
                case STRICT -> Severity.FAIL;
            };
            case BR -> profile == Profile.PRIVATE ? Severity.INFO : Severity.FAIL;
            case HYGIENE -> Severity.WARN;
            case INFO -> Severity.INFO;
            case UNCHECKED -> Severity.UNKNOWN;
        };
    }

    public Finding rate(Finding finding) {
        return finding.withSeverity(severity(finding.code(), finding.role()));
    }

    public List<Finding> rate(List<Finding> findings) {
        return findings.stream().map(this::rate).toList();
    }
}
