package org.certcheck.validate;

import static org.certcheck.validate.PolicyExtensions.ANY_POLICY;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The valid_policy_tree of RFC 5280 6.1.2 (a), one level per certificate, with the operations of
 * 6.1.3 (d) and 6.1.4 (b). Qualifiers are not kept: certcheck reports no policy qualifiers.
 *
 * <p>A hostile chain can make the tree grow exponentially through mappings and anyPolicy; like
 * OpenSSL (since 3.0.8, CVE-2023-0464) the tree refuses to create more than {@link #MAX_NODES} nodes
 * in all, and {@link #overflowed()} then says so.
 */
final class ValidPolicyTree {
    /** OpenSSL's OPENSSL_POLICY_TREE_NODES_MAX. */
    static final int MAX_NODES = 1000;

    private static final class Node {
        final String policy;
        Set<String> expected;
        final Node parent;
        final List<Node> children = new ArrayList<>();

        Node(String policy, Set<String> expected, Node parent) {
            this.policy = policy;
            this.expected = expected;
            this.parent = parent;
        }
    }

    /** levels.get(d) holds the nodes of depth d; the tree is NULL when levels is empty. */
    private final List<List<Node>> levels = new ArrayList<>();
    private int created;
    private boolean overflowed;

    /** 6.1.2 (a): the single node anyPolicy of depth 0. */
    ValidPolicyTree() {
        levels.add(new ArrayList<>(List.of(new Node(ANY_POLICY, Set.of(ANY_POLICY), null))));
        created = 1;
    }

    boolean isNull() {
        return levels.isEmpty();
    }

    boolean overflowed() {
        return overflowed;
    }

    /** 6.1.3 (e): a certificate without certificatePolicies sets the tree to NULL. */
    void clear() {
        levels.clear();
    }

    /** The policies the nodes of depth {@code depth} expect next, for messages. */
    Set<String> expectedAt(int depth) {
        Set<String> expected = new LinkedHashSet<>();
        if (depth < levels.size()) {
            levels.get(depth).forEach(node -> expected.addAll(node.expected));
        }
        return expected;
    }

    /**
     * 6.1.3 (d) for certificate {@code i}: grow level {@code i} from the certificate's policies, then
     * prune. {@code anyPolicyCounts} is whether the certificate's anyPolicy may be processed (d)(2).
     */
    void addCertificatePolicies(int i, List<String> policies, boolean anyPolicyCounts) {
        if (isNull()) {
            return;
        }
        List<Node> parents = levels.get(i - 1);
        List<Node> level = new ArrayList<>();
        levels.add(level);
        for (String policy : policies) {
            if (policy.equals(ANY_POLICY)) {
                continue;
            }
            // (d)(1)(i): a child of every node of depth i-1 that expects this policy...
            boolean matched = false;
            for (Node parent : parents) {
                if (parent.expected.contains(policy)) {
                    addChild(level, parent, policy, Set.of(policy));
                    matched = true;
                }
            }
            // (d)(1)(ii): ...or else of the anyPolicy node of depth i-1.
            if (!matched) {
                for (Node parent : parents) {
                    if (parent.policy.equals(ANY_POLICY)) {
                        addChild(level, parent, policy, Set.of(policy));
                    }
                }
            }
        }
        // (d)(2): anyPolicy stands for every expected policy that no child carries yet.
        if (policies.contains(ANY_POLICY) && anyPolicyCounts) {
            for (Node parent : parents) {
                for (String expected : parent.expected) {
                    if (parent.children.stream().noneMatch(child -> child.policy.equals(expected))) {
                        addChild(level, parent, expected, Set.of(expected));
                    }
                }
            }
        }
        // (d)(3): prune the nodes above that no longer lead anywhere.
        prune(i);
    }

    /**
     * 6.1.4 (b) for certificate {@code i}: with mapping allowed, each issuerDomainPolicy node of
     * depth i expects its subjectDomainPolicy values instead (b)(1); with mapping inhibited the
     * mapped policies are deleted (b)(2). Returns the issuerDomainPolicy values deleted.
     */
    List<String> applyMappings(int i, Map<String, List<String>> mappings, boolean mappingAllowed) {
        List<String> deleted = new ArrayList<>();
        if (isNull() || i >= levels.size()) {
            return deleted;
        }
        List<Node> level = levels.get(i);
        for (Map.Entry<String, List<String>> mapping : mappings.entrySet()) {
            String issuerDomain = mapping.getKey();
            Set<String> subjectDomains = Set.copyOf(mapping.getValue());
            List<Node> mapped = level.stream().filter(node -> node.policy.equals(issuerDomain)).toList();
            if (mappingAllowed) {
                mapped.forEach(node -> node.expected = subjectDomains);
                if (mapped.isEmpty()) {
                    for (Node any : List.copyOf(level)) {
                        if (any.policy.equals(ANY_POLICY)) {
                            addChild(level, any.parent, issuerDomain, subjectDomains);
                        }
                    }
                }
            } else if (!mapped.isEmpty()) {
                mapped.forEach(node -> node.parent.children.remove(node));
                level.removeAll(mapped);
                deleted.add(issuerDomain);
            }
        }
        if (!deleted.isEmpty()) {
            prune(i);
        }
        return deleted;
    }

    private void addChild(List<Node> level, Node parent, String policy, Set<String> expected) {
        if (created >= MAX_NODES) {
            overflowed = true;
            return;
        }
        created++;
        Node child = new Node(policy, expected, parent);
        parent.children.add(child);
        level.add(child);
    }

    /** Deletes, from depth {@code i - 1} up to the root, every node without children. */
    private void prune(int i) {
        for (int depth = Math.min(i, levels.size()) - 1; depth >= 0; depth--) {
            List<Node> childless = levels.get(depth).stream().filter(node -> node.children.isEmpty()).toList();
            for (Node node : childless) {
                if (node.parent != null) {
                    node.parent.children.remove(node);
                }
            }
            levels.get(depth).removeAll(childless);
        }
        if (levels.get(0).isEmpty()) {
            levels.clear();
        }
    }
}
