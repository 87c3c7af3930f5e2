package org.certcheck.validate;

import java.math.BigInteger;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Printable;
import org.certcheck.finding.Role;

/**
 * Syntax and criticality rules of RFC 5280 that a path's certificates must keep, each failure
 * naming the certificate at fault: serial numbers (§4.1.2.2), basicConstraints critical in CAs
 * (§4.2.1.9), name constraints only in CAs, never empty, DNS constraints without a leading period
 * (§4.2.1.10), a non-empty authorityInfoAccess (§4.2.2.1), a subjectAltName critical only when the
 * subject is empty and dNSNames in preferred name syntax (§4.2.1.6), and CAs whose
 * extendedKeyUsage, when present, allows serverAuth (the EKU chaining that browsers and the JDK's
 * own validator apply to intermediates).
 */
final class ExtensionProfileCheck {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EKU = "2.5.29.37.0";

    private ExtensionProfileCheck() {
    }

    static List<Finding> check(CertificatePath path) {
        List<Finding> findings = new ArrayList<>();
        List<X509Certificate> chain = path.certificates();
        int last = chain.size() - 1;
        for (int i = 0; i <= last; i++) {
            X509Certificate certificate = chain.get(i);
            boolean anchor = path.trusted() && i == last;
            boolean ca = i > 0 || anchor;
            String subject = Certificates.subject(certificate);
            Role role = path.role(i);
            List<String> problems = new ArrayList<>();
            if (!anchor) {
                serial(certificate.getSerialNumber()).ifPresent(problem -> findings.add(Finding.about(subject, role,
                        FindingCode.CERT_SERIAL_NUMBER, subject + ": " + problem
                                + "; the issuing CA must reissue the certificate with a positive serial of 20"
                                + " octets at most")));
            }
            if (ca && ExtensionValues.present(certificate, Extension.basicConstraints.getId())
                    && !ExtensionValues.critical(certificate, Extension.basicConstraints.getId())) {
                problems.add("its basicConstraints is not critical, which RFC 5280 4.2.1.9 requires in a CA");
            }
            if (certificate.getBasicConstraints() < 0 && pathLenWithoutCa(certificate)) {
                problems.add("its basicConstraints has a pathLenConstraint without cA TRUE, which RFC 5280 4.2.1.9"
                        + " forbids");
            }
            if (ExtensionValues.present(certificate, Extension.policyConstraints.getId())
                    && !ExtensionValues.critical(certificate, Extension.policyConstraints.getId())) {
                problems.add("its policyConstraints is not critical, which RFC 5280 4.2.1.11 requires");
            }
            nameConstraints(certificate, ca, problems);
            if (ExtensionValues.present(certificate, Extension.nameConstraints.getId())
                    && !ExtensionValues.critical(certificate, Extension.nameConstraints.getId())) {
                findings.add(Finding.about(subject, role, FindingCode.CERT_NAME_CONSTRAINTS_NOT_CRITICAL, subject
                        + ": its nameConstraints is not critical, which RFC 5280 4.2.1.10 requires (the CA/B Forum"
                        + " BR 7.1.2.10.8 allow it for legacy clients); certcheck enforces the constraints anyway,"
                        + " clients that do not know them may not: the CA should mark it critical when it next"
                        + " reissues the certificate"));
            }
            authorityInformationAccess(certificate, problems);
            if (i == 0) {
                subjectAltName(certificate, problems);
            }
            for (String problem : problems) {
                findings.add(Finding.about(subject, role, FindingCode.CERT_MALFORMED_EXTENSION, subject + ": " + problem
                        + "; clients accept it, but " + (anchor ? "the CA should fix it when it next reissues its root"
                        : "the issuing CA's certificate template breaks the standard and should be fixed")));
            }
            if (i > 0 && !anchor) {
                caPurpose(certificate, subject, role, findings);
            }
        }
        return findings;
    }

    private static Optional<String> serial(BigInteger serial) {
        if (serial.signum() <= 0) {
            return Optional.of("its serial number " + serial + " is not positive (RFC 5280 4.1.2.2)");
        }
        if (serial.toByteArray().length > 20) {
            return Optional.of("its serial number is " + serial.toByteArray().length + " octets long, more than the"
                    + " 20 RFC 5280 4.1.2.2 allows");
        }
        return Optional.empty();
    }

    /** A pathLenConstraint in a basicConstraints whose cA is FALSE (the JDK reports such a CA:FALSE as -1). */
    private static boolean pathLenWithoutCa(X509Certificate certificate) {
        try {
            return ExtensionValues.of(certificate, Extension.basicConstraints.getId())
                    .map(org.bouncycastle.asn1.x509.BasicConstraints::getInstance)
                    .map(constraints -> !constraints.isCA() && constraints.getPathLenConstraint() != null)
                    .orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void nameConstraints(X509Certificate certificate, boolean ca, List<String> problems) {
        String oid = Extension.nameConstraints.getId();
        if (!ExtensionValues.present(certificate, oid)) {
            return;
        }
        if (!ca) {
            problems.add("it has a nameConstraints extension, which RFC 5280 4.2.1.10 allows only in CA certificates");
            return;
        }
        NameConstraints constraints;
        try {
            constraints = NameConstraints.getInstance(ExtensionValues.of(certificate, oid).orElseThrow());
        } catch (RuntimeException e) {
            return; // PathConstraints reports unreadable name constraints with their consequence.
        }
        GeneralSubtree[] permitted = constraints.getPermittedSubtrees();
        GeneralSubtree[] excluded = constraints.getExcludedSubtrees();
        if ((permitted == null || permitted.length == 0) && (excluded == null || excluded.length == 0)) {
            problems.add("its nameConstraints extension has neither permitted nor excluded subtrees (RFC 5280"
                    + " 4.2.1.10: at least one must be present)");
            return;
        }
        for (GeneralSubtree[] subtrees : new GeneralSubtree[][] {permitted, excluded}) {
            for (GeneralSubtree subtree : subtrees == null ? new GeneralSubtree[0] : subtrees) {
                GeneralName base = subtree.getBase();
                if (base.getTagNo() == GeneralName.dNSName && base.getName().toString().startsWith(".")) {
                    problems.add("its name constraint DNS:" + Printable.printable(base.getName().toString())
                            + " starts with a period, which is not a valid dNSName constraint (RFC 5280 4.2.1.10)");
                    return;
                }
            }
        }
    }

    private static void authorityInformationAccess(X509Certificate certificate, List<String> problems) {
        try {
            ExtensionValues.of(certificate, Extension.authorityInfoAccess.getId()).ifPresent(value -> {
                if (AuthorityInformationAccess.getInstance(value).getAccessDescriptions().length == 0) {
                    problems.add("its authorityInfoAccess extension is empty (RFC 5280 4.2.2.1: one or more"
                            + " access descriptions)");
                }
            });
        } catch (RuntimeException e) {
            problems.add("its authorityInfoAccess extension cannot be read ("
                    + Printable.printable(String.valueOf(e.getMessage())) + ")");
        }
    }

    private static void subjectAltName(X509Certificate leaf, List<String> problems) {
        boolean emptySubject = leaf.getSubjectX500Principal().getEncoded().length <= 2;
        if (!emptySubject && ExtensionValues.critical(leaf, Extension.subjectAlternativeName.getId())) {
            problems.add("its subjectAltName is critical although the subject is not empty (RFC 5280 4.2.1.6,"
                    + " CA/B Forum BR 7.1.2.7.12)");
        }
        if (SubjectAltNames.of(leaf) instanceof SubjectAltNames.Present present) {
            for (SubjectAltName name : present.names()) {
                if (name instanceof SubjectAltName.DnsName dns && dns.name().isEmpty()) {
                    problems.add("its subjectAltName has an empty DNS name, which RFC 5280 4.2.1.6 forbids");
                    return;
                }
                if (name instanceof SubjectAltName.DnsName dns && dns.name().contains("_")) {
                    problems.add("its subjectAltName DNS:" + Printable.printable(dns.name()) + " contains an"
                            + " underscore, which host names cannot (RFC 5280 4.2.1.6, RFC 1034 3.5)");
                    return;
                }
            }
        }
    }

    private static void caPurpose(X509Certificate ca, String subject, Role role, List<Finding> findings) {
        List<String> purposes;
        try {
            purposes = ca.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            findings.add(Finding.about(subject, role, FindingCode.CHAIN_CA_PURPOSE,
                    "the extendedKeyUsage of CA certificate " + subject + " cannot be read: " + e.getMessage()));
            return;
        }
        if (purposes != null && !purposes.contains(SERVER_AUTH)) {
            // anyExtendedKeyUsage does not stand in for serverAuth: OpenSSL's purpose check wants the bit itself.
            String allowed = String.join(", ", purposes.stream().map(oid -> oid.equals(ANY_EKU)
                    ? "anyExtendedKeyUsage (which OpenSSL does not take for serverAuth)" : oid).toList());
            findings.add(Finding.about(subject, role, FindingCode.CHAIN_CA_PURPOSE,
                    "CA certificate " + subject + " restricts its extendedKeyUsage to " + allowed
                            + ", without serverAuth, so it cannot vouch for a TLS server: use a CA allowed serverAuth"));
        }
    }
}
