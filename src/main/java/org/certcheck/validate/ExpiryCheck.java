package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Role;

/**
 * Validity periods (RFC 5280 section 4.1.2.5) of every certificate on the path, the anchor
 * included: an expired corporate root breaks every client that trusts it. Extra certificates the
 * server sent but the path does not use are not judged here.
 *
 * <p>By default the thresholds fit every lifetime ({@link Lifetime}): a warning when less than
 * min({@code --warn-days}, one third of the certificate's lifetime) is left, a failure under
 * min({@code --crit-days}, one sixth), so a 47-day or a 6-day certificate is not "expiring" from the
 * day it is issued. The explicit share options ({@code --warn-lifetime}, {@code --crit-lifetime},
 * percent of the lifetime left) add to these; the stricter speaks, once per certificate, and the
 * message names the threshold that applied.
 */
public final class ExpiryCheck implements Check {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Policy policy;
    private final OptionalInt warnLifetimePercent;
    private final OptionalInt critLifetimePercent;

    public ExpiryCheck(Policy policy) {
        this(policy, Requirements.NONE);
    }

    public ExpiryCheck(Policy policy, Requirements requirements) {
        this.policy = policy;
        this.warnLifetimePercent = requirements.warnLifetimePercent();
        this.critLifetimePercent = requirements.critLifetimePercent();
    }

    @Override
    public List<Finding> check(Evidence evidence) {
        return check(evidence.path(), evidence.now());
    }

    public List<Finding> check(CertificatePath path, Instant now) {
        List<Finding> findings = new ArrayList<>();
        List<X509Certificate> certificates = path.certificates();
        for (int i = 0; i < certificates.size(); i++) {
            X509Certificate certificate = certificates.get(i);
            Role role = path.role(i);
            String who = i == 0 ? "the certificate" : "CA certificate " + Certificates.subject(certificate);
            Instant notBefore = certificate.getNotBefore().toInstant();
            Instant notAfter = certificate.getNotAfter().toInstant();
            String subject = Certificates.subject(certificate);
            if (now.isBefore(notBefore)) {
                findings.add(Finding.about(subject, role, FindingCode.CERT_NOT_YET_VALID,
                        who + " is not valid until " + WHEN.format(notBefore) + " (in " + days(now, notBefore)
                                + "): check the issuing system's clock, or wait"));
            } else if (now.truncatedTo(ChronoUnit.SECONDS).isAfter(notAfter)) {
                // notAfter has whole seconds and is inclusive (RFC 5280 4.1.2.5): valid through its last millisecond.
                findings.add(Finding.about(subject, role, FindingCode.CERT_EXPIRED,
                        who + " expired " + days(notAfter, now) + " ago (notAfter " + WHEN.format(notAfter)
                                + "): renew it"));
            } else {
                ahead(subject, role, who, notBefore, notAfter, now).ifPresent(findings::add);
            }
        }
        return findings;
    }

    /** The most severe threshold passed, critical before warning, days-or-share before the percent options. */
    private Optional<Finding> ahead(String subject, Role role, String who, Instant notBefore, Instant notAfter,
                                    Instant now) {
        Duration left = Duration.between(now, notAfter);
        Lifetime lifetime = new Lifetime(notBefore, notAfter);
        Lifetime.Threshold crit = lifetime.critical(policy.critDays());
        if (crit.passed(left)) {
            return Optional.of(Finding.about(subject, role, FindingCode.CERT_EXPIRES_VERY_SOON,
                    who + " expires in " + days(now, notAfter) + " (notAfter " + WHEN.format(notAfter)
                            + ", critical below " + crit.name() + "): renew it now"));
        }
        Optional<Finding> critical = lifetime(subject, role, who, critLifetimePercent, true, notBefore, notAfter, now);
        if (critical.isPresent()) {
            return critical;
        }
        Lifetime.Threshold warn = lifetime.warning(policy.warnDays());
        if (warn.passed(left)) {
            return Optional.of(Finding.about(subject, role, FindingCode.CERT_EXPIRES_SOON,
                    who + " expires in " + days(now, notAfter) + " (notAfter " + WHEN.format(notAfter)
                            + ", warning below " + warn.name() + "): plan its renewal"));
        }
        return lifetime(subject, role, who, warnLifetimePercent, false, notBefore, notAfter, now);
    }

    private Optional<Finding> lifetime(String subject, Role role, String who, OptionalInt threshold, boolean critical,
                                       Instant notBefore, Instant notAfter, Instant now) {
        if (threshold.isEmpty() || !notAfter.isAfter(notBefore)) {
            return Optional.empty();
        }
        Duration lifetime = Duration.between(notBefore, notAfter);
        double left = 100.0 * Duration.between(now, notAfter).toMillis() / lifetime.toMillis();
        if (left >= threshold.getAsInt()) {
            return Optional.empty();
        }
        return Optional.of(Finding.about(subject, role, critical ? FindingCode.CERT_EXPIRES_VERY_SOON
                : FindingCode.CERT_EXPIRES_SOON, String.format(Locale.ROOT,
                "%s has %.0f%% of its lifetime left (%s of %d days; %s below %d%%): %s", who, left,
                days(now, notAfter), lifetime.toDays(), critical ? "critical" : "warning", threshold.getAsInt(),
                critical ? "renew it now" : "plan its renewal")));
    }

    private static String days(Instant from, Instant to) {
        return Durations.human(Duration.between(from, to));
    }
}
