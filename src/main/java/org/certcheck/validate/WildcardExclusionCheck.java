package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Role;

/**
 * A wildcard subjectAltName stands for every name it matches (RFC 6125 §6.4.3), so it must not
 * match a name a CA above it excludes: under {@code excluded: bar.example.com}, the SAN
 * {@code *.example.com} covers {@code bar.example.com} and is refused (CVE-2025-61727). Plain
 * RFC 5280 subtree matching compares the pattern as a string and misses this.
 */
final class WildcardExclusionCheck {
    private WildcardExclusionCheck() {
    }

    static List<Finding> check(List<X509Certificate> chain) {
        List<String> excluded = new ArrayList<>();
        for (int i = 1; i < chain.size(); i++) {
            excluded.addAll(excludedDns(chain.get(i)));
        }
        if (excluded.isEmpty()) {
            return List.of();
        }
        X509Certificate leaf = chain.get(0);
        if (!(SubjectAltNames.of(leaf) instanceof SubjectAltNames.Present present)) {
            return List.of();
        }
        for (SubjectAltName name : present.names()) {
            if (!(name instanceof SubjectAltName.DnsName dns) || !dns.name().startsWith("*.")) {
                continue;
            }
            String base = dns.name().substring(2).toLowerCase(Locale.ROOT);
            for (String subtree : excluded) {
                int dot = subtree.indexOf('.');
                if (dot > 0 && subtree.substring(dot + 1).equals(base)) {
                    return List.of(Finding.about(Certificates.subject(leaf), Role.LEAF,
                            FindingCode.CHAIN_NAME_CONSTRAINTS, name.display() + " in " + Certificates.subject(leaf) + " matches "
                                    + subtree + ", which a CA above it excludes: a wildcard must not reach past"
                                    + " an excluded name; reissue it with the names it needs listed one by one"));
                }
            }
        }
        return List.of();
    }

    private static List<String> excludedDns(X509Certificate ca) {
        List<String> names = new ArrayList<>();
        try {
            ExtensionValues.of(ca, Extension.nameConstraints.getId()).map(NameConstraints::getInstance)
                    .map(NameConstraints::getExcludedSubtrees).ifPresent(subtrees -> {
                        for (GeneralSubtree subtree : subtrees) {
                            if (subtree.getBase().getTagNo() == GeneralName.dNSName) {
                                names.add(subtree.getBase().getName().toString().toLowerCase(Locale.ROOT));
                            }
                        }
                    });
        } catch (RuntimeException e) {
            // Malformed name constraints are reported by PathConstraints.
        }
        return names;
    }
}
