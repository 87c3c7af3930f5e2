package org.certcheck.revocation;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.certcheck.finding.Calibration;
import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Role;
import org.certcheck.validate.Lifetime;

/**
 * Turns what the lookups learned into findings, judged by the run's mode: revoked fails; unknown
 * warns ({@link RevocationMode#SOFT}) or fails ({@link RevocationMode#HARD}); no information, and a
 * source that failed before another answered, are informational; a Must-Staple leaf without a
 * usable staple fails. Messages name the source, so the user knows whom to ask.
 */
final class RevocationFindings {
    private final Calibration calibration;

    RevocationFindings(RevocationMode mode) {
        // --revocation hard: a status nobody could vouch for fails, whatever else is configured.
        this.calibration = mode == RevocationMode.HARD
                ? Calibration.DEFAULT.raising(java.util.Set.of(FindingCode.REVOCATION_UNKNOWN)) : Calibration.DEFAULT;
    }

    List<Finding> about(X509Certificate certificate, boolean leaf, CertificateLookup.Result result) {
        String subject = OcspCheck.subject(certificate);
        String who = leaf ? "the certificate" : "CA certificate " + subject;
        Role role = leaf ? Role.LEAF : Role.INTERMEDIATE;
        List<Finding> findings = new ArrayList<>();
        if (result.answer().isPresent()) {
            Answer answer = result.answer().get();
            if (answer instanceof Answer.Revoked revoked) {
                findings.add(Finding.about(subject, role, FindingCode.REVOCATION_REVOKED,
                        revoked(who, revoked, leaf)));
            }
            for (Answer.Problem problem : result.problems()) {
                findings.add(Finding.about(subject, role, FindingCode.REVOCATION_SOURCE_FAILED,
                        problem.describe() + "; " + said(answer) + " answered instead"));
            }
            return findings;
        }
        if (result.problems().isEmpty()) {
            if (leaf && Lifetime.of(certificate).shortLived()) {
                return findings; // BR 4.9.1.1 / 7.1.2.7: a short-lived certificate needs no revocation information
            }
            findings.add(Finding.about(subject, role, FindingCode.REVOCATION_NO_INFO, noInfo(who, result.links())));
            return findings;
        }
        String problems = result.problems().stream().map(Answer.Problem::describe).collect(Collectors.joining("; "));
        findings.add(calibration.rate(Finding.about(subject, role, FindingCode.REVOCATION_UNKNOWN, "the revocation status of " + who + " is unknown: " + problems + ": make sure this machine can"
                        + " reach the responder or CRL server and that they publish current, signed answers, or"
                        + " pass a current CRL with --crl")));
        return findings;
    }

    /** Empty unless the leaf demands stapling and the server did not staple a usable response for it. */
    List<Finding> mustStaple(X509Certificate leaf, CertificateLookup.Result result, int stapledCount) {
        if (!result.links().mustStaple()) {
            return List.of();
        }
        boolean stapledAnswer = result.answer().map(a -> a.source() == RevocationSource.STAPLED).orElse(false);
        if (stapledAnswer) {
            return List.of();
        }
        String seen = result.problems().stream().filter(p -> p.source() == RevocationSource.STAPLED).findFirst()
                .map(p -> "the response it stapled is unusable (" + p.message() + ")")
                .orElse(stapledCount == 0 ? "the server stapled none"
                        : "the server stapled " + stapledCount + " response(s), none for this certificate");
        return List.of(Finding.about(OcspCheck.subject(leaf), Role.LEAF, FindingCode.REVOCATION_MUST_STAPLE,
                "the certificate requires a stapled OCSP response (TLS Feature status_request, RFC 7633), but "
                        + seen + ": enable OCSP stapling on the server (nginx ssl_stapling, Apache SSLUseStapling),"
                        + " or reissue the certificate without Must-Staple"));
    }

    private static String revoked(String who, Answer.Revoked revoked, boolean leaf) {
        boolean hold = revoked.reason().filter("certificateHold"::equals).isPresent();
        String what = hold ? who + " is on hold (certificateHold) since " + Times.format(revoked.revokedAt())
                : who + " was revoked on " + Times.format(revoked.revokedAt())
                        + revoked.reason().map(r -> " (reason: " + r + ")").orElse("");
        String next = leaf ? "replace it with a newly issued certificate"
                : "every certificate it issued is untrusted: reissue them under a CA in good standing";
        return what + ", says " + said(revoked) + ": " + next;
    }

    private static String said(Answer answer) {
        return switch (answer.source()) {
            case STAPLED -> "the OCSP response the server stapled";
            case OCSP -> "the OCSP responder " + answer.location();
            case CRL -> answer.location().startsWith("file:") ? "the CRL file " + answer.location()
                    : "the CRL " + answer.location();
        };
    }

    private static String noInfo(String who, CertificateLinks links) {
        if (links.unfetchable().isEmpty()) {
            return who + " names no OCSP responder and no CRL distribution point, so its revocation cannot be"
                    + " checked: if its CA publishes a CRL, pass it with --crl";
        }
        return who + " publishes its revocation status only where certcheck cannot fetch it ("
                + String.join(", ", links.unfetchable()) + "; certcheck fetches http and https): pass the CRL"
                + " with --crl";
    }
}
