package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Role;

/**
 * Hygiene of the chain as the server sent it, judged apart from trust: the path certcheck validated
 * may be fine while the server sends it in the wrong order, repeats a certificate, sends the root
 * (RFC 8446 §4.4.2 lets it be omitted: clients must already have it) or sends certificates no
 * path uses. Stricter clients (old Java, embedded TLS stacks) fail on what others tolerate, so each
 * is a warning; sending the root is information only. Runs only when a trusted path was found.
 */
final class SentChainCheck implements Check {
    /** Nothing was sent for a certificate found on disk on its own ({@code inventory}). */
    @Override
    public List<Finding> check(Evidence evidence) {
        return evidence.target().isPresent() ? check(evidence.sent(), evidence.path(), evidence.now()) : List.of();
    }

    static List<Finding> check(List<X509Certificate> sent, CertificatePath path, Instant now) {
        if (!path.trusted()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        List<X509Certificate> distinct = new ArrayList<>();
        for (X509Certificate certificate : sent) {
            if (distinct.stream().anyMatch(seen -> Certificates.sameCertificate(seen, certificate))) {
                if (findings.stream().noneMatch(f -> f.code() == FindingCode.CHAIN_DUPLICATE
                        && f.certificate().equals(Optional.of(Certificates.subject(certificate))))) {
                    findings.add(Finding.about(Certificates.subject(certificate), path.role(certificate),
                            FindingCode.CHAIN_DUPLICATE, "the server sends " + Certificates.subject(certificate) + " more than"
                                    + " once: remove the duplicate from its certificate file"));
                }
                continue;
            }
            distinct.add(certificate);
        }
        List<X509Certificate> onPath = path.certificates();
        X509Certificate anchor = path.anchor().orElseThrow();
        List<Integer> positions = new ArrayList<>();
        for (int i = 1; i < distinct.size(); i++) {
            X509Certificate certificate = distinct.get(i);
            int position = positionOnPath(onPath, anchor, certificate);
            String subject = Certificates.subject(certificate);
            if (position >= 0) {
                positions.add(position);
                if (position == onPath.size() - 1 && Certificates.selfSigned(certificate)) {
                    findings.add(Finding.about(subject, Role.ANCHOR, FindingCode.CHAIN_ROOT_SENT,
                            "the server sends the root " + subject + ", which clients must already trust; it may be"
                                    + " left out (RFC 8446 4.4.2)"));
                }
            } else if (now.isAfter(certificate.getNotAfter().toInstant())) {
                findings.add(Finding.about(subject, Role.INTERMEDIATE, FindingCode.CHAIN_UNUSED_EXPIRED,
                        "the server sends " + subject + ", which expired on " + certificate.getNotAfter().toInstant()
                                + " and is not on the validated path: remove it from the server's chain file (some"
                                + " clients build through it and fail)"));
            } else {
                findings.add(Finding.about(subject, Role.INTERMEDIATE, FindingCode.CHAIN_UNUSED,
                        "the server sends " + subject + ", which is not on the validated path: remove it from the"
                                + " server's chain file"));
            }
        }
        for (int i = 1; i < positions.size(); i++) {
            if (positions.get(i) < positions.get(i - 1)) {
                findings.add(Finding.of(FindingCode.CHAIN_OUT_OF_ORDER,
                        "the server sends its chain as " + order(distinct) + "; each certificate should be followed"
                                + " by its issuer (RFC 5246 7.4.2): " + order(onPath.subList(0, onPath.size() - 1))
                                + " (strict clients fail otherwise)"));
                break;
            }
        }
        return findings;
    }

    /** Index on the path (the anchor matching by name and key), or -1. */
    private static int positionOnPath(List<X509Certificate> path, X509Certificate anchor, X509Certificate certificate) {
        for (int i = 0; i < path.size(); i++) {
            X509Certificate step = path.get(i);
            if (Certificates.sameCertificate(step, certificate)
                    || (step == anchor && Certificates.sameEntity(step, certificate))) {
                return i;
            }
        }
        return -1;
    }

    private static String order(List<X509Certificate> certificates) {
        return certificates.stream().map(Certificates::subject).collect(Collectors.joining(" -> "));
    }
}
