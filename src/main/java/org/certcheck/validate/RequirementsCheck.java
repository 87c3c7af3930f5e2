package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Severity;
import org.certcheck.input.Target;

/**
 * The organisation's own {@link Requirements}: pins (RFC 7469 §2.4 SPKI hashes, or certificate
 * hashes), a required root, and expiry thresholds relative to each certificate's lifetime, which
 * suit short-lived certificates that a day threshold would flag all the time or never.
 */
final class RequirementsCheck {
    private RequirementsCheck() {
    }

    /** @param earlier findings already made, so a lifetime threshold does not repeat a day threshold */
    static List<Finding> check(Requirements requirements, Target target, List<X509Certificate> sent,
                               CertificatePath path, Instant now, List<Finding> earlier) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(pins(requirements.pins(), target, sent, path));
        if (!requirements.requiredAnchors().isEmpty() && path.trusted() && requirements.requiredAnchors().stream()
                .noneMatch(required -> Certificates.sameEntity(required, path.anchor().orElseThrow()))) {
            String wanted = requirements.requiredAnchors().stream().map(Certificates::subject)
                    .collect(Collectors.joining(" or "));
            findings.add(Finding.about(Certificates.subject(path.top()), FindingCode.CHAIN_WRONG_ANCHOR, Severity.FAIL,
                    "the chain ends at " + Certificates.subject(path.top()) + ", not at the root required by --anchor ("
                            + wanted + "): the server's certificate comes from another CA than expected"));
        }
        findings.addAll(lifetime(requirements, path, now, earlier));
        return findings;
    }

    private static List<Finding> pins(List<Pin> pins, Target target, List<X509Certificate> sent, CertificatePath path) {
        List<Pin> applicable = pins.stream().filter(pin -> pin.appliesTo(target.host(), target.port())).toList();
        if (applicable.isEmpty()) {
            return List.of();
        }
        Set<X509Certificate> candidates = new LinkedHashSet<>(sent);
        candidates.addAll(path.certificates());
        if (candidates.stream().anyMatch(certificate -> applicable.stream().anyMatch(pin -> pin.matches(certificate)))) {
            return List.of();
        }
        String has = candidates.stream().map(certificate -> "sha256/"
                + Base64.getEncoder().encodeToString(Pin.spkiSha256(certificate)) + " (key) or "
                + HexFormat.ofDelimiter(":").withUpperCase().formatHex(Pin.certificateSha256(certificate))
                + " (certificate) for " + Certificates.subject(certificate)).collect(Collectors.joining("; "));
        return List.of(Finding.about(Certificates.subject(path.leaf()), FindingCode.CHAIN_PIN_MISMATCH, Severity.FAIL,
                "no certificate of the chain matches the pin(s) given for " + target.display() + " ("
                        + applicable.stream().map(Pin::text).collect(Collectors.joining(", ")) + "); the chain has: "
                        + has + ". If the certificate was renewed on purpose, update the pin"));
    }

    private static List<Finding> lifetime(Requirements requirements, CertificatePath path, Instant now,
                                          List<Finding> earlier) {
        if (requirements.warnLifetimePercent().isEmpty() && requirements.critLifetimePercent().isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (X509Certificate certificate : path.certificates()) {
            Instant from = certificate.getNotBefore().toInstant();
            Instant until = certificate.getNotAfter().toInstant();
            if (now.isBefore(from) || now.isAfter(until) || !until.isAfter(from)) {
                continue;
            }
            double left = 100.0 * Duration.between(now, until).toMillis() / Duration.between(from, until).toMillis();
            Severity severity;
            int threshold;
            if (requirements.critLifetimePercent().isPresent() && left < requirements.critLifetimePercent().getAsInt()) {
                severity = Severity.FAIL;
                threshold = requirements.critLifetimePercent().getAsInt();
            } else if (requirements.warnLifetimePercent().isPresent()
                    && left < requirements.warnLifetimePercent().getAsInt()) {
                severity = Severity.WARN;
                threshold = requirements.warnLifetimePercent().getAsInt();
            } else {
                continue;
            }
            String subject = Certificates.subject(certificate);
            boolean alreadySaid = earlier.stream().anyMatch(f -> f.certificate().filter(subject::equals).isPresent()
                    && f.severity().compareTo(severity) >= 0 && (f.code() == FindingCode.CERT_EXPIRES_SOON
                    || f.code() == FindingCode.CERT_EXPIRES_VERY_SOON));
            if (alreadySaid) {
                continue;
            }
            String who = certificate == path.leaf() ? "the certificate" : "CA certificate " + subject;
            findings.add(Finding.about(subject, severity == Severity.FAIL ? FindingCode.CERT_EXPIRES_VERY_SOON
                    : FindingCode.CERT_EXPIRES_SOON, severity, String.format(java.util.Locale.ROOT,
                    "%s has %.0f%% of its lifetime left (%s of %d days; %s below %d%%): %s", who, left,
                    hours(Duration.between(now, until)), Duration.between(from, until).toDays(),
                    severity == Severity.FAIL ? "critical" : "warning", threshold,
                    severity == Severity.FAIL ? "renew it now" : "plan its renewal")));
        }
        return findings;
    }

    private static String hours(Duration left) {
        return left.toDays() >= 1 ? left.toDays() + " days" : left.toHours() + " hours";
    }
}
