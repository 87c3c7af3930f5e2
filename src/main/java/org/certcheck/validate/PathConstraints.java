package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraintValidatorException;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PKIXNameConstraintValidator;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Printable;
import org.certcheck.finding.Role;
import org.certcheck.validate.ExtensionValues;

/**
 * The rules of RFC 5280 section 6.1 that a chain of certificates must obey beyond signatures:
 * issuing certificates are CAs (4.2.1.9), within their path length (4.2.1.9), allowed to sign
 * certificates (4.2.1.3), name constraints hold for every name below them (4.2.1.10), and no
 * certificate carries a critical extension we do not understand (4.2).
 */
final class PathConstraints {
    /** Extensions whose semantics certcheck implements or that never affect path validity. */
    private static final Set<String> UNDERSTOOD = Set.of(
            Extension.basicConstraints.getId(), Extension.keyUsage.getId(), Extension.extendedKeyUsage.getId(),
            Extension.subjectAlternativeName.getId(), Extension.nameConstraints.getId(),
            Extension.certificatePolicies.getId(), Extension.policyConstraints.getId(),
            Extension.policyMappings.getId(), Extension.inhibitAnyPolicy.getId(),
            Extension.subjectKeyIdentifier.getId(), Extension.authorityKeyIdentifier.getId());

    private PathConstraints() {
    }

    /** Findings for a path ordered leaf first; the last certificate is the anchor or the top reached. */
    static List<Finding> check(CertificatePath path) {
        List<X509Certificate> chain = path.certificates();
        List<Finding> findings = new ArrayList<>();
        int last = chain.size() - 1;
        for (int i = 1; i <= last; i++) {
            X509Certificate issuer = chain.get(i);
            boolean anchor = i == last && path.trusted();
            checkIsCa(issuer, chain.get(i - 1), anchor, findings);
            checkKeyCertSign(issuer, chain.get(i - 1), path.role(i), findings);
            checkPathLength(chain, i, path.role(i), findings);
        }
        checkNameConstraints(path, findings);
        // The anchor too: a root that carries a critical extension nobody understands must not be used.
        for (int i = 0; i <= last; i++) {
            checkCriticalExtensions(chain.get(i), path.role(i), findings);
        }
        return findings;
    }

    private static void checkIsCa(X509Certificate issuer, X509Certificate child, boolean anchor, List<Finding> findings) {
        boolean hasBasicConstraints = ExtensionValues.present(issuer, Extension.basicConstraints.getId());
        if (issuer.getBasicConstraints() >= 0) {
            return;
        }
        if (anchor && !hasBasicConstraints) {
            // A trust anchor is an input of validation, trusted for its name and key (RFC 5280 6.1.1 d):
            // a v1 root, or a v3 root without basicConstraints, still anchors the path. That a v3 CA
            // certificate lacks the extension is the CA's lint (RFC 5280 4.2.1.9: "MUST").
            if (issuer.getVersion() >= 3) {
                findings.add(Finding.about(Certificates.subject(issuer), Role.ANCHOR,
                        FindingCode.CERT_MALFORMED_EXTENSION, Certificates.subject(issuer) + ": this CA certificate"
                                + " has no basicConstraints extension, which RFC 5280 4.2.1.9 requires in every CA"
                                + " certificate; as the trust anchor you gave it is trusted for its name and key"
                                + " (RFC 5280 6.1.1 d): the CA should add it when the root is next reissued"));
            }
            return;
        }
        findings.add(Finding.about(Certificates.subject(issuer), anchor ? Role.ANCHOR : Role.INTERMEDIATE,
                FindingCode.CHAIN_NOT_CA, Certificates.subject(issuer) + " issued " + Certificates.subject(child)
                        + " but is not a CA (" + (hasBasicConstraints ? "basicConstraints CA:FALSE"
                        : "no basicConstraints extension") + "): it must not issue certificates"));
    }

    private static void checkKeyCertSign(X509Certificate issuer, X509Certificate child, Role role,
                                         List<Finding> findings) {
        boolean[] usage = issuer.getKeyUsage();
        if (usage != null && (usage.length <= 5 || !usage[5])) {
            findings.add(Finding.about(Certificates.subject(issuer), role, FindingCode.CHAIN_CA_KEY_USAGE,
                    Certificates.subject(issuer) + " signed " + Certificates.subject(child)
                            + " but its keyUsage does not include keyCertSign"));
        }
    }

    /** pathLenConstraint counts the non-self-issued intermediates below a CA, leaf excluded. */
    private static void checkPathLength(List<X509Certificate> chain, int index, Role role, List<Finding> findings) {
        X509Certificate ca = chain.get(index);
        int limit = ca.getBasicConstraints();
        if (limit < 0 || limit == Integer.MAX_VALUE) {
            return;
        }
        int below = 0;
        for (int j = 1; j < index; j++) {
            if (!Certificates.selfIssued(chain.get(j))) {
                below++;
            }
        }
        if (below > limit) {
            findings.add(Finding.about(Certificates.subject(ca), role, FindingCode.CHAIN_PATH_LENGTH,
                    Certificates.subject(ca) + " allows " + limit + " intermediate CA(s) below it (pathLen "
                            + limit + ") but the chain has " + below));
        }
    }

    private static void checkNameConstraints(CertificatePath path, List<Finding> findings) {
        List<X509Certificate> chain = path.certificates();
        Optional<Finding> tooMuchWork = NameConstraintBudget.exceeded(chain);
        if (tooMuchWork.isPresent()) {
            findings.add(tooMuchWork.get());
            return;
        }
        findings.addAll(WildcardExclusionCheck.check(chain));
        PKIXNameConstraintValidator validator = new PKIXNameConstraintValidator();
        for (int i = chain.size() - 1; i >= 1; i--) {
            X509Certificate ca = chain.get(i);
            NameConstraints constraints;
            try {
                constraints = nameConstraints(ca);
            } catch (RuntimeException e) {
                // Bouncy Castle reports malformed DER as IllegalArgumentException, IllegalStateException
                // or ClassCastException depending on where it breaks (an empty GeneralSubtrees, say).
                String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                findings.add(Finding.about(Certificates.subject(ca), path.role(i), FindingCode.CHAIN_NAME_CONSTRAINTS,
                        "the nameConstraints extension of " + Certificates.subject(ca) + " cannot be read ("
                                + Printable.printable(reason) + "), so no name below it can be checked against"
                                + " it: the CA must be reissued with well-formed name constraints"));
                return;
            }
            if (constraints == null) {
                continue;
            }
            Optional<String> refused = minimumOrMaximum(constraints);
            if (refused.isPresent()) {
                findings.add(Finding.about(Certificates.subject(ca), path.role(i), FindingCode.CHAIN_NAME_CONSTRAINTS,
                        "the name constraint " + refused.get() + " of " + Certificates.subject(ca) + " sets a minimum"
                                + " other than 0 or a maximum, which RFC 5280 4.2.1.10 forbids; OpenSSL refuses every"
                                + " certificate below it: the CA must be reissued without them"));
                return;
            }
            GeneralSubtree[] permitted = withoutEmptyDnsName(constraints.getPermittedSubtrees());
            if (permitted != null && permitted.length > 0) {
                validator.intersectPermittedSubtree(permitted);
            }
            if (constraints.getExcludedSubtrees() != null) {
                for (GeneralSubtree excluded : constraints.getExcludedSubtrees()) {
                    if (isEmptyDnsName(excluded.getBase())) {
                        Optional<Finding> everything = excludedEverywhere(path, i);
                        if (everything.isPresent()) {
                            findings.add(everything.get());
                            return;
                        }
                        continue;
                    }
                    validator.addExcludedSubtree(excluded);
                }
            }
            for (int j = i - 1; j >= 0; j--) {
                X509Certificate subject = chain.get(j);
                // Self-issued intermediates are exempt (RFC 5280 6.1.3 b); the leaf never is.
                if (j > 0 && Certificates.selfIssued(subject)) {
                    continue;
                }
                String violation = violation(validator, subject);
                if (violation != null) {
                    findings.add(Finding.about(Certificates.subject(subject), path.role(j),
                            FindingCode.CHAIN_NAME_CONSTRAINTS, violation + " in " + Certificates.subject(subject)
                                    + " is outside the name constraints of " + Certificates.subject(ca)));
                    return;
                }
            }
        }
    }

    /**
     * A dNSName subtree of the empty name covers every DNS name (RFC 5280 4.2.1.10: the constraint
     * is satisfied by any name that can be built by adding labels on the left; CA/B Forum BR
     * 7.1.2.5.2). Bouncy Castle matches it against nothing, so it is handled here: excluded, it
     * excludes every dNSName below the CA; permitted, it permits every one, which is the same as not
     * listing it.
     */
    private static boolean isEmptyDnsName(GeneralName name) {
        return name.getTagNo() == GeneralName.dNSName && name.getName().toString().isEmpty();
    }

    private static GeneralSubtree[] withoutEmptyDnsName(GeneralSubtree[] subtrees) {
        if (subtrees == null) {
            return null;
        }
        return java.util.Arrays.stream(subtrees).filter(subtree -> !isEmptyDnsName(subtree.getBase()))
                .toArray(GeneralSubtree[]::new);
    }

    /** The first dNSName below the CA at {@code index}, which an excluded empty dNSName forbids. */
    private static Optional<Finding> excludedEverywhere(CertificatePath path, int index) {
        List<X509Certificate> chain = path.certificates();
        for (int j = index - 1; j >= 0; j--) {
            X509Certificate subject = chain.get(j);
            if (j > 0 && Certificates.selfIssued(subject)) {
                continue;
            }
            for (GeneralName name : subjectAltNames(subject)) {
                if (name.getTagNo() == GeneralName.dNSName) {
                    return Optional.of(Finding.about(Certificates.subject(subject), path.role(j),
                            FindingCode.CHAIN_NAME_CONSTRAINTS, describe(name) + " in " + Certificates.subject(subject)
                                    + " is outside the name constraints of " + Certificates.subject(chain.get(index))
                                    + ", which exclude the empty DNS name and so every DNS name (RFC 5280 4.2.1.10)"));
                }
            }
        }
        return Optional.empty();
    }

    /** A subtree with a minimum other than 0 or with a maximum, described; empty when there is none. */
    private static Optional<String> minimumOrMaximum(NameConstraints constraints) {
        for (GeneralSubtree[] subtrees : new GeneralSubtree[][] {constraints.getPermittedSubtrees(),
                constraints.getExcludedSubtrees()}) {
            for (GeneralSubtree subtree : subtrees == null ? new GeneralSubtree[0] : subtrees) {
                boolean minimum = subtree.getMinimum() != null && subtree.getMinimum().signum() != 0;
                if (minimum || subtree.getMaximum() != null) {
                    return Optional.of(describe(subtree.getBase()) + " (minimum " + subtree.getMinimum()
                            + (subtree.getMaximum() != null ? ", maximum " + subtree.getMaximum() : "") + ")");
                }
            }
        }
        return Optional.empty();
    }

    /** The first name of the certificate the constraints reject, or null. */
    private static String violation(PKIXNameConstraintValidator validator, X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        try {
            if (subject.getRDNs().length > 0) {
                validator.checkPermittedDN(subject);
                validator.checkExcludedDN(subject);
            }
        } catch (NameConstraintValidatorException e) {
            return "subject " + Certificates.subject(certificate);
        }
        for (GeneralName name : subjectAltNames(certificate)) {
            try {
                validator.checkPermitted(name);
                validator.checkExcluded(name);
            } catch (NameConstraintValidatorException e) {
                return describe(name);
            }
        }
        return null;
    }

    private static String describe(GeneralName name) {
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> "DNS:" + Printable.printable(name.getName().toString());
            case GeneralName.iPAddress -> "IP:" + IpText.of(ASN1OctetString.getInstance(name.getName()).getOctets());
            case GeneralName.rfc822Name -> "email:" + Printable.printable(name.getName().toString());
            default -> "name " + Printable.printable(name.toString());
        };
    }

    static Collection<GeneralName> subjectAltNames(X509Certificate certificate) {
        byte[] value = ExtensionValues.wrapped(certificate, Extension.subjectAlternativeName.getId());
        if (value == null) {
            return List.of();
        }
        try {
            return List.of(GeneralNames.getInstance(ASN1OctetString.getInstance(value).getOctets()).getNames());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The CA's name constraints, null when it has none; throws a RuntimeException when they are malformed. */
    private static NameConstraints nameConstraints(X509Certificate certificate) {
        byte[] value = ExtensionValues.wrapped(certificate, Extension.nameConstraints.getId());
        if (value == null) {
            return null;
        }
        return NameConstraints.getInstance(ASN1OctetString.getInstance(value).getOctets());
    }

    private static void checkCriticalExtensions(X509Certificate certificate, Role role, List<Finding> findings) {
        for (String oid : ExtensionValues.criticalOids(certificate)) {
            if (!UNDERSTOOD.contains(oid)) {
                findings.add(Finding.about(Certificates.subject(certificate), role,
                        FindingCode.CERT_UNKNOWN_CRITICAL_EXTENSION,
                        Certificates.subject(certificate) + " has critical extension " + oid
                                + " that certcheck does not understand; RFC 5280 requires rejecting it"));
            }
        }
    }
}
