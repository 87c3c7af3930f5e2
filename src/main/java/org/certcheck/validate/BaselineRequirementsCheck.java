package org.certcheck.validate;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x509.Extension;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Printable;
import org.certcheck.finding.Role;

/**
 * Rules of the CA/Browser Forum Baseline Requirements (version 2.x) that RFC 5280 does not make,
 * so they bind publicly trusted certificates only: information in a private PKI, a failure under
 * {@code --profile webpki} (see {@link org.certcheck.finding.Calibration}).
 *
 * <ol>
 *   <li>A subscriber (leaf) certificate has an extendedKeyUsage (BR 7.1.2.7.10), not critical, and
 *       without anyExtendedKeyUsage.
 *   <li>A root carries no extendedKeyUsage (BR 7.1.2.1.2).
 *   <li>No wildcard stands directly over a registry's public suffix (BR 3.2.2.6); one over a shared
 *       namespace of the Public Suffix List's private section is noted.
 *   <li>A subscriber certificate's validity is at most what the BR allowed on its notBefore date
 *       (BR 6.3.2, ballot SC-081): 398 days, 200 days from 2026-03-15, 100 days from 2027-03-15,
 *       47 days from 2029-03-15.
 * </ol>
 */
final class BaselineRequirementsCheck implements Check {
    private static final String ANY_EKU = "2.5.29.37.0";
    private static final String EKU = Extension.extendedKeyUsage.getId();

    /** Maximum validity by notBefore, latest rule first. */
    private static final List<Limit> LIMITS = List.of(
            new Limit(LocalDate.of(2029, 3, 15), 47),
            new Limit(LocalDate.of(2027, 3, 15), 100),
            new Limit(LocalDate.of(2026, 3, 15), 200),
            new Limit(LocalDate.of(2020, 9, 1), 398));

    private record Limit(LocalDate from, int days) {
        Instant start() {
            return from.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    @Override
    public List<Finding> check(Evidence evidence) {
        CertificatePath path = evidence.path();
        List<Finding> findings = new ArrayList<>();
        boolean leafIsAnchor = path.trusted() && path.certificates().size() == 1;
        // A CA certificate judged on its own (inventory of a root file) is no subscriber certificate.
        if (!leafIsAnchor && path.leaf().getBasicConstraints() < 0) {
            leaf(path.leaf(), findings);
        }
        path.anchor().filter(anchor -> !leafIsAnchor && anchor.getBasicConstraints() >= 0)
                .filter(anchor -> ExtensionValues.present(anchor, EKU)).ifPresent(anchor -> findings.add(
                Finding.about(Certificates.subject(anchor), Role.ANCHOR, FindingCode.CERT_BASELINE_REQUIREMENTS,
                        "the root " + Certificates.subject(anchor) + " has an extendedKeyUsage, which CA/B Forum BR"
                                + " 7.1.2.1.2 forbids in a root certificate")));
        return findings;
    }

    private static void leaf(X509Certificate leaf, List<Finding> findings) {
        String subject = Certificates.subject(leaf);
        List<String> purposes;
        try {
            purposes = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return; // PurposeCheck reports an unreadable extendedKeyUsage
        }
        if (purposes == null) {
            findings.add(br(subject, subject + " has no extendedKeyUsage; CA/B Forum BR 7.1.2.7.10 requires one"
                    + " with serverAuth in every subscriber certificate"));
        } else {
            if (ExtensionValues.critical(leaf, EKU)) {
                findings.add(br(subject, subject + " marks its extendedKeyUsage critical; CA/B Forum BR 7.1.2.7.10"
                        + " requires it non-critical"));
            }
            if (purposes.contains(ANY_EKU)) {
                findings.add(br(subject, subject + " lists anyExtendedKeyUsage, which CA/B Forum BR 7.1.2.7.10"
                        + " forbids in a subscriber certificate"));
            }
        }
        if (SubjectAltNames.of(leaf) instanceof SubjectAltNames.Present present) {
            for (SubjectAltName name : present.names()) {
                if (name instanceof SubjectAltName.DnsName dns && dns.name().startsWith("*.")) {
                    wildcard(subject, dns, findings);
                }
            }
        }
        Lifetime lifetime = Lifetime.of(leaf);
        for (Limit limit : LIMITS) {
            if (!lifetime.notBefore().isBefore(limit.start())) {
                if (lifetime.validity().compareTo(Duration.ofDays(limit.days())) > 0) {
                    findings.add(br(subject, subject + " is valid for " + lifetime.days() + " days; certificates"
                            + " issued from " + limit.from() + " may be valid for " + limit.days() + " days at most"
                            + " (CA/B Forum BR 6.3.2)"));
                }
                break;
            }
        }
    }

    /**
     * A wildcard directly over a registry's suffix ({@code *.co.uk}) is one no CA may issue; over a
     * shared namespace of the list's private section ({@code *.s3.amazonaws.com}) only its owner may
     * hold one, which the certificate cannot show, so that is said as information.
     */
    private static void wildcard(String subject, SubjectAltName.DnsName dns, List<Finding> findings) {
        String base = dns.name().substring(2);
        String shown = dns.display().substring(4);
        if (PublicSuffixes.isRegistrySuffix(base)) {
            findings.add(br(subject, subject + " has the wildcard " + shown + " directly over the public suffix "
                    + Printable.printable(base) + ", whose names belong to many owners; CA/B Forum BR 3.2.2.6"
                    + " forbids issuing it"));
        } else if (PublicSuffixes.isPublicSuffix(base)) {
            findings.add(Finding.about(subject, Role.LEAF, FindingCode.CERT_WILDCARD_SHARED_SUFFIX, subject
                    + " has the wildcard " + shown + " directly over " + Printable.printable(base) + ", a shared"
                    + " namespace of the Public Suffix List: right only if the certificate belongs to that"
                    + " namespace's owner (CA/B Forum BR 3.2.2.6)"));
        }
    }

    private static Finding br(String subject, String message) {
        return Finding.about(subject, Role.LEAF, FindingCode.CERT_BASELINE_REQUIREMENTS,
                message + ": the issuing CA's profile must change");
    }
}
