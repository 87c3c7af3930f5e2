package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Role;

/**
 * Bounds the work name constraints can cost: checking grows with subtrees times names, so a CA with
 * thousands of subtrees over a leaf with thousands of names (x509-limbo's nc-dos cases) would hold a
 * thread for seconds. Like rustls-webpki, certcheck refuses a path that needs more than
 * {@link #MAX_COMPARISONS} comparisons instead of doing them; no real PKI comes near.
 */
final class NameConstraintBudget {
    static final long MAX_COMPARISONS = 250_000;

    private NameConstraintBudget() {
    }

    /** A failure when the path's subtrees times the names below them exceed the budget. */
    static Optional<Finding> exceeded(List<X509Certificate> chain) {
        long comparisons = 0;
        for (int i = chain.size() - 1; i >= 1; i--) {
            long subtrees = subtrees(chain.get(i));
            if (subtrees == 0) {
                continue;
            }
            for (int j = i - 1; j >= 0; j--) {
                comparisons += subtrees * names(chain.get(j));
            }
        }
        if (comparisons <= MAX_COMPARISONS) {
            return Optional.empty();
        }
        X509Certificate leaf = chain.get(0);
        return Optional.of(Finding.about(Certificates.subject(leaf), Role.LEAF, FindingCode.CHAIN_NAME_CONSTRAINTS,
                "checking the name constraints of this path would take " + comparisons + " comparisons (subtrees"
                        + " times names), more than the " + MAX_COMPARISONS + " certcheck allows: a chain built to"
                        + " exhaust validators; clients refuse it too"));
    }

    private static long subtrees(X509Certificate ca) {
        try {
            Optional<NameConstraints> constraints = ExtensionValues.of(ca, Extension.nameConstraints.getId())
                    .map(NameConstraints::getInstance);
            if (constraints.isEmpty()) {
                return 0;
            }
            GeneralSubtree[] permitted = constraints.get().getPermittedSubtrees();
            GeneralSubtree[] excluded = constraints.get().getExcludedSubtrees();
            return (permitted == null ? 0 : permitted.length) + (excluded == null ? 0 : excluded.length);
        } catch (RuntimeException e) {
            return 0; // PathConstraints reports the malformed extension.
        }
    }

    private static long names(X509Certificate certificate) {
        long count = PathConstraints.subjectAltNames(certificate).size();
        try {
            count += X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs().length;
        } catch (RuntimeException e) {
            count++;
        }
        return count;
    }
}
