package org.certcheck.validate;

import static org.certcheck.validate.PolicyExtensions.ANY_POLICY;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Role;

/**
 * Certificate policy processing of RFC 5280 section 6.1 on a trusted path, with the inputs OpenSSL
 * and browsers use by default (6.1.1 (c), (e)-(g)): user-initial-policy-set = {anyPolicy},
 * initial-policy-mapping-inhibit, initial-explicit-policy and initial-any-policy-inhibit all false.
 * With those inputs the path fails only where a CA demands it: a requireExplicitPolicy met by an
 * empty valid_policy_tree (6.1.3 (f), 6.1.5 (g)), a mapping to or from anyPolicy (6.1.4 (a)), or
 * a policy extension that cannot be read.
 *
 * <p>The trust anchor is an input, not a certificate of the path (6.1.1 (d)): its extensions are not
 * processed. A path that reaches no anchor is not judged here; its trust failure is what counts.
 * Findings are {@link FindingCode#CHAIN_POLICY}, at most one per path: processing stops at the first.
 */
public final class PolicyTreeCheck {
    private PolicyTreeCheck() {
    }

    /** The policy findings of {@code path}: empty when policy processing succeeds or the path is untrusted. */
    public static List<Finding> check(CertificatePath path) {
        if (!path.trusted()) {
            return List.of();
        }
        List<X509Certificate> fromTop = new ArrayList<>(path.certificates().subList(0, path.certificates().size() - 1));
        java.util.Collections.reverse(fromTop);
        return new Run(fromTop).findings();
    }

    /** One run of the algorithm: the state variables of 6.1.2 and where each got its value. */
    private static final class Run {
        private final List<X509Certificate> certificates;
        private final int n;
        private final ValidPolicyTree tree = new ValidPolicyTree();
        private int explicitPolicy;
        private int inhibitAnyPolicy;
        private int policyMapping;
        private String explicitSource = "";
        private String inhibitAnySource = "";
        private String inhibitMappingSource = "";
        private String emptied = "";
        private String emptiedAt = "";

        Run(List<X509Certificate> certificates) {
            this.certificates = certificates;
            this.n = certificates.size();
            // 6.1.2 (d)-(f): none of the initial inhibit flags is set.
            explicitPolicy = n + 1;
            inhibitAnyPolicy = n + 1;
            policyMapping = n + 1;
        }

        List<Finding> findings() {
            for (int i = 1; i <= n; i++) {
                X509Certificate certificate = certificates.get(i - 1);
                PolicyExtensions.Reading reading = PolicyExtensions.read(certificate);
                if (reading instanceof PolicyExtensions.Malformed malformed) {
                    return List.of(finding(i, Certificates.subject(certificate) + ": " + malformed.problem()
                            + "; OpenSSL with policy checking rejects such a chain as \"invalid or inconsistent"
                            + " certificate policy extension\": the CA must reissue it with a well-formed extension"));
                }
                PolicyExtensions extensions = ((PolicyExtensions.Read) reading).extensions();
                Optional<Finding> problem = processCertificate(i, certificate, extensions);
                if (problem.isEmpty() && i < n) {
                    problem = prepareNext(i, certificate, extensions);
                }
                if (problem.isEmpty() && i == n) {
                    problem = wrapUp(certificate, extensions);
                }
                if (problem.isPresent()) {
                    return List.of(problem.get());
                }
            }
            return List.of();
        }

        /** 6.1.3 (d)-(f). */
        private Optional<Finding> processCertificate(int i, X509Certificate certificate, PolicyExtensions extensions) {
            String subject = Certificates.subject(certificate);
            boolean wasNull = tree.isNull();
            if (extensions.policies().isPresent()) {
                List<String> policies = extensions.policies().get();
                boolean anyCounts = inhibitAnyPolicy > 0 || (i < n && Certificates.selfIssued(certificate));
                String allowed = names(tree.expectedAt(i - 1));
                tree.addCertificatePolicies(i, policies, anyCounts);
                if (!wasNull && tree.isNull()) {
                    emptiedAt = subject;
                    List<String> others = policies.stream().filter(policy -> !policy.equals(ANY_POLICY)).toList();
                    String mismatch = "none of its " + (others.size() < policies.size() ? "other " : "")
                            + "policies (" + names(others) + ") is one its issuers allow (" + allowed + ")";
                    emptied = others.size() == policies.size() || anyCounts ? mismatch
                            : "its anyPolicy counts for nothing under " + inhibitAnySource
                                    + (others.isEmpty() ? "" : ", and " + mismatch);
                }
            } else if (!wasNull) {
                tree.clear();
                emptiedAt = subject;
                emptied = "it has no certificatePolicies extension";
            }
            if (tree.overflowed()) {
                return Optional.of(overflow(i, subject));
            }
            if (explicitPolicy == 0 && tree.isNull()) {
                return Optional.of(noPolicy(i));
            }
            return Optional.empty();
        }

        /** 6.1.4 (a), (b), (h)-(j), for every certificate but the last. */
        private Optional<Finding> prepareNext(int i, X509Certificate certificate, PolicyExtensions extensions) {
            String subject = Certificates.subject(certificate);
            List<String> anyMappings = extensions.mappingsOfAnyPolicy();
            if (!anyMappings.isEmpty()) {
                return Optional.of(finding(i, subject + " maps " + String.join(", ", anyMappings)
                        + " in policyMappings, and RFC 5280 4.2.1.5 and 6.1.4 (a) forbid mapping to or from anyPolicy"
                        + " (2.5.29.32.0); OpenSSL with policy checking rejects the chain: the CA must reissue "
                        + subject + " without that mapping"));
            }
            boolean wasNull = tree.isNull();
            List<String> deleted = tree.applyMappings(i, extensions.mappings(), policyMapping > 0);
            if (!wasNull && tree.isNull()) {
                emptiedAt = subject;
                emptied = inhibitMappingSource + " forbids its mappings of " + String.join(", ", deleted)
                        + ", and no other policy is left";
            }
            if (tree.overflowed()) {
                return Optional.of(overflow(i, subject));
            }
            if (!Certificates.selfIssued(certificate)) {
                explicitPolicy = Math.max(0, explicitPolicy - 1);
                policyMapping = Math.max(0, policyMapping - 1);
                inhibitAnyPolicy = Math.max(0, inhibitAnyPolicy - 1);
            }
            String by = " of " + subject + " (skip ";
            if (extensions.requireExplicitPolicy().isPresent() && extensions.requireExplicitPolicy().getAsInt() < explicitPolicy) {
                explicitPolicy = extensions.requireExplicitPolicy().getAsInt();
                explicitSource = "requireExplicitPolicy" + by + explicitPolicy + ")";
            }
            if (extensions.inhibitPolicyMapping().isPresent() && extensions.inhibitPolicyMapping().getAsInt() < policyMapping) {
                policyMapping = extensions.inhibitPolicyMapping().getAsInt();
                inhibitMappingSource = "inhibitPolicyMapping" + by + policyMapping + ")";
            }
            if (extensions.inhibitAnyPolicy().isPresent() && extensions.inhibitAnyPolicy().getAsInt() < inhibitAnyPolicy) {
                inhibitAnyPolicy = extensions.inhibitAnyPolicy().getAsInt();
                inhibitAnySource = "inhibitAnyPolicy" + by + inhibitAnyPolicy + ")";
            }
            return Optional.empty();
        }

        /** 6.1.5 (a), (b), (g) with user-initial-policy-set = {anyPolicy}: the tree is kept as it is. */
        private Optional<Finding> wrapUp(X509Certificate leaf, PolicyExtensions extensions) {
            if (explicitPolicy > 0) {
                explicitPolicy--;
            }
            if (extensions.requireExplicitPolicy().isPresent() && extensions.requireExplicitPolicy().getAsInt() == 0) {
                explicitPolicy = 0;
                explicitSource = "requireExplicitPolicy of " + Certificates.subject(leaf) + " (skip 0)";
            }
            return explicitPolicy == 0 && tree.isNull() ? Optional.of(noPolicy(n))
                    : Optional.empty();
        }

        private static String names(java.util.Collection<String> policies) {
            return String.join(", ", policies.stream().map(p -> p.equals(ANY_POLICY) ? "anyPolicy" : p).toList());
        }

        private Finding noPolicy(int i) {
            return finding(i, explicitSource + " demands a policy, and the valid policy tree is empty after "
                    + emptiedAt + ": " + emptied + ". Clients that process policies (RFC 5280 6.1; OpenSSL with -policy_check)"
                    + " reject the chain: the CA must issue " + emptiedAt + " with a policy its issuers"
                    + " allow, or drop the requireExplicitPolicy");
        }

        private Finding overflow(int i, String subject) {
            return finding(i, "the policy tree grows past " + ValidPolicyTree.MAX_NODES + " nodes at " + subject
                    + " (policy mappings and anyPolicy multiply them); OpenSSL gives up at the same size and rejects"
                    + " the chain: the CAs must issue fewer policies and mappings");
        }

        private Finding finding(int i, String message) {
            X509Certificate certificate = certificates.get(i - 1);
            Role role = i == n ? Role.LEAF : Role.INTERMEDIATE;
            return Finding.about(Certificates.subject(certificate), role, FindingCode.CHAIN_POLICY, message);
        }
    }
}
