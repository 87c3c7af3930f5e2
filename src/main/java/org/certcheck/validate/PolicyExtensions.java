package org.certcheck.validate;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;

import org.certcheck.validate.ExtensionValues;

/**
 * The four policy extensions of one certificate, as RFC 5280 6.1 reads them: certificatePolicies
 * (4.2.1.4), policyMappings (4.2.1.5), policyConstraints (4.2.1.11) and inhibitAnyPolicy (4.2.1.14).
 *
 * @param policies              the policy OIDs in certificatePolicies; empty when the extension is absent
 * @param mappings              issuerDomainPolicy to its subjectDomainPolicy values, in certificate order
 * @param requireExplicitPolicy the skip count of policyConstraints' requireExplicitPolicy, if present
 * @param inhibitPolicyMapping  the skip count of policyConstraints' inhibitPolicyMapping, if present
 * @param inhibitAnyPolicy      the skip count of inhibitAnyPolicy, if present
 */
record PolicyExtensions(Optional<List<String>> policies, Map<String, List<String>> mappings,
        OptionalInt requireExplicitPolicy, OptionalInt inhibitPolicyMapping, OptionalInt inhibitAnyPolicy) {

    static final String ANY_POLICY = "2.5.29.32.0";

    PolicyExtensions {
        policies = policies.map(List::copyOf);
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        mappings.forEach((issuerDomain, subjectDomains) -> ordered.put(issuerDomain, List.copyOf(subjectDomains)));
        mappings = Collections.unmodifiableMap(ordered);
    }

    /** The extensions of one certificate, or why they cannot be read. */
    sealed interface Reading permits Read, Malformed {
    }

    record Read(PolicyExtensions extensions) implements Reading {
    }

    /** @param problem which extension and what is wrong with it, for a message */
    record Malformed(String problem) implements Reading {
    }

    /** Reads {@code certificate}'s policy extensions; a malformed one is a {@link Malformed}, never an exception. */
    static Reading read(X509Certificate certificate) {
        String current = "certificatePolicies";
        try {
            Optional<List<String>> policies = value(certificate, Extension.certificatePolicies).map(PolicyExtensions::policies);
            current = "policyMappings";
            Map<String, List<String>> mappings = value(certificate, Extension.policyMappings)
                    .map(PolicyExtensions::mappings).orElse(Map.of());
            current = "policyConstraints";
            OptionalInt[] constraints = value(certificate, Extension.policyConstraints)
                    .map(PolicyExtensions::constraints).orElse(new OptionalInt[] {OptionalInt.empty(), OptionalInt.empty()});
            current = "inhibitAnyPolicy";
            OptionalInt inhibitAny = value(certificate, Extension.inhibitAnyPolicy)
                    .map(v -> OptionalInt.of(skipCount(ASN1Integer.getInstance(v).getValue()))).orElse(OptionalInt.empty());
            return new Read(new PolicyExtensions(policies, mappings, constraints[0], constraints[1], inhibitAny));
        } catch (IOException | RuntimeException e) {
            return new Malformed("its " + current + " extension cannot be read (" + reason(e) + ")");
        }
    }

    private static Optional<ASN1Primitive> value(X509Certificate certificate, ASN1ObjectIdentifier oid) throws IOException {
        byte[] wrapped = ExtensionValues.wrapped(certificate, oid.getId());
        if (wrapped == null) {
            return Optional.empty();
        }
        return Optional.of(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets()));
    }

    /** certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation; an OID MUST NOT appear twice. */
    private static List<String> policies(ASN1Primitive value) {
        ASN1Sequence sequence = nonEmpty(value);
        Set<String> oids = new LinkedHashSet<>();
        for (ASN1Encodable element : sequence) {
            String oid = PolicyInformation.getInstance(element).getPolicyIdentifier().getId();
            if (!oids.add(oid)) {
                throw new IllegalArgumentException("policy " + oid + " appears twice, which RFC 5280 4.2.1.4 forbids");
            }
        }
        return List.copyOf(oids);
    }

    /** PolicyMappings ::= SEQUENCE SIZE (1..MAX) OF SEQUENCE { issuerDomainPolicy, subjectDomainPolicy }. */
    private static Map<String, List<String>> mappings(ASN1Primitive value) {
        Map<String, Set<String>> mappings = new LinkedHashMap<>();
        for (ASN1Encodable element : nonEmpty(value)) {
            ASN1Sequence pair = ASN1Sequence.getInstance(element);
            if (pair.size() != 2) {
                throw new IllegalArgumentException("a mapping has " + pair.size() + " fields instead of 2");
            }
            String issuerDomain = ASN1ObjectIdentifier.getInstance(pair.getObjectAt(0)).getId();
            String subjectDomain = ASN1ObjectIdentifier.getInstance(pair.getObjectAt(1)).getId();
            mappings.computeIfAbsent(issuerDomain, k -> new LinkedHashSet<>()).add(subjectDomain);
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        mappings.forEach((issuerDomain, subjectDomains) -> lists.put(issuerDomain, List.copyOf(subjectDomains)));
        return lists;
    }

    /**
     * PolicyConstraints ::= SEQUENCE { requireExplicitPolicy [0] SkipCerts OPTIONAL,
     * inhibitPolicyMapping [1] SkipCerts OPTIONAL }; RFC 5280 4.2.1.11 forbids the empty sequence.
     */
    private static OptionalInt[] constraints(ASN1Primitive value) {
        ASN1Sequence sequence = nonEmpty(value);
        OptionalInt[] fields = {OptionalInt.empty(), OptionalInt.empty()};
        int lastTag = -1;
        for (ASN1Encodable element : sequence) {
            ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(element);
            int tag = tagged.getTagNo();
            if (tag > 1 || tag <= lastTag) {
                throw new IllegalArgumentException("unexpected field [" + tag + "]");
            }
            lastTag = tag;
            fields[tag] = OptionalInt.of(skipCount(ASN1Integer.getInstance(tagged, false).getValue()));
        }
        return fields;
    }

    private static ASN1Sequence nonEmpty(ASN1Primitive value) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(value);
        if (sequence.size() == 0) {
            throw new IllegalArgumentException("an empty sequence, where RFC 5280 requires at least one entry");
        }
        return sequence;
    }

    /** SkipCerts ::= INTEGER (0..MAX); a count beyond any path length is as good as Integer.MAX_VALUE. */
    private static int skipCount(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative skip count " + value);
        }
        return value.bitLength() > 31 ? Integer.MAX_VALUE : value.intValueExact();
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The issuerDomainPolicy or subjectDomainPolicy values that are anyPolicy (RFC 5280 6.1.4 (a)). */
    List<String> mappingsOfAnyPolicy() {
        List<String> offending = new ArrayList<>();
        mappings.forEach((issuerDomain, subjectDomains) -> {
            for (String subjectDomain : subjectDomains) {
                if (issuerDomain.equals(ANY_POLICY) || subjectDomain.equals(ANY_POLICY)) {
                    offending.add(issuerDomain + " -> " + subjectDomain);
                }
            }
        });
        return offending;
    }
}
