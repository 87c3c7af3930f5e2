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

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Severity;

/**
 * Validity periods (RFC 5280 section 4.1.2.5) of every certificate on the path, the anchor
 * included: an expired corporate root breaks every client that trusts it. Extra certificates the
 * server sent but the path does not use are not judged here.
 */
public final class ExpiryCheck {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Policy policy;

    public ExpiryCheck(Policy policy) {
        this.policy = policy;
    }

    public List<Finding> check(CertificatePath path, Instant now) {
        List<Finding> findings = new ArrayList<>();
        for (X509Certificate certificate : path.certificates()) {
            String who = certificate == path.leaf() ? "the certificate" : "CA certificate " + Certificates.subject(certificate);
            Instant notBefore = certificate.getNotBefore().toInstant();
            Instant notAfter = certificate.getNotAfter().toInstant();
            String subject = Certificates.subject(certificate);
            if (now.isBefore(notBefore)) {
                findings.add(Finding.about(subject, FindingCode.CERT_NOT_YET_VALID, Severity.FAIL,
                        who + " is not valid until " + WHEN.format(notBefore) + " (in " + days(now, notBefore)
                                + "): check the issuing system's clock, or wait"));
            } else if (now.truncatedTo(ChronoUnit.SECONDS).isAfter(notAfter)) {
                // notAfter has whole seconds and is inclusive (RFC 5280 4.1.2.5): valid through its last millisecond.
                findings.add(Finding.about(subject, FindingCode.CERT_EXPIRED, Severity.FAIL,
                        who + " expired " + days(notAfter, now) + " ago (notAfter " + WHEN.format(notAfter)
                                + "): renew it"));
            } else {
                long left = Duration.between(now, notAfter).toDays();
                if (left < policy.critDays()) {
                    findings.add(Finding.about(subject, FindingCode.CERT_EXPIRES_VERY_SOON, Severity.FAIL,
                            who + " expires in " + days(now, notAfter) + " (notAfter " + WHEN.format(notAfter)
                                    + ", critical below " + policy.critDays() + " days): renew it now"));
                } else if (left < policy.warnDays()) {
                    findings.add(Finding.about(subject, FindingCode.CERT_EXPIRES_SOON, Severity.WARN,
                            who + " expires in " + days(now, notAfter) + " (notAfter " + WHEN.format(notAfter)
                                    + ", warning below " + policy.warnDays() + " days): plan its renewal"));
                }
            }
        }
        return findings;
    }

    /** "3 days", "1 day", "5 hours" for under a day. */
    private static String days(Instant from, Instant to) {
        Duration between = Duration.between(from, to);
        long days = between.toDays();
        if (days >= 1) {
            return days + (days == 1 ? " day" : " days");
        }
        long hours = between.toHours();
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
