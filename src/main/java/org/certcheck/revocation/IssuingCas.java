package org.certcheck.revocation;

import java.math.BigInteger;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.certcheck.validate.ExtensionValues;

/**
 * The issuing CAs met on this run's validated paths, by subject and key identifier, each with the
 * CRL URLs its certificates name: what the per-CA CRL health check covers. Thread-safe; many
 * targets note the same CA, and it is kept once.
 */
final class IssuingCas {
    /** One CA as seen so far. */
    static final class Seen {
        final X509Certificate ca;
        final boolean anchor;
        final String subject;
        final String keyId;
        private final Set<URI> crls = new LinkedHashSet<>();
        private final Set<BigInteger> issued = new java.util.HashSet<>();

        private Seen(X509Certificate ca, boolean anchor) {
            this.ca = ca;
            this.anchor = anchor;
            this.subject = OcspCheck.subject(ca);
            this.keyId = keyId(ca);
        }

        synchronized List<URI> crls() {
            return List.copyOf(crls);
        }

        synchronized int certificates() {
            return issued.size();
        }

        private synchronized void add(X509Certificate certificate, List<URI> urls) {
            issued.add(certificate.getSerialNumber());
            crls.addAll(urls);
        }
    }

    /** equals and hashCode written out: a record's are linked by invokedynamic at first use (~8 ms). */
    private record Id(String subject, String keyId) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Id that && java.util.Objects.equals(subject, that.subject)
                    && java.util.Objects.equals(keyId, that.keyId);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Objects.hashCode(subject) + java.util.Objects.hashCode(keyId);
        }
    }

    private final Map<Id, Seen> cas = new ConcurrentHashMap<>();

    /**
     * Notes that {@code issuer} issued {@code certificate}, which names {@code crls} (possibly none,
     * when a {@code --crl} covers the CA).
     *
     * @param anchor whether {@code issuer} is the path's trust anchor
     */
    void note(X509Certificate certificate, X509Certificate issuer, boolean anchor, List<URI> crls) {
        Seen fresh = new Seen(issuer, anchor);
        cas.computeIfAbsent(new Id(fresh.subject, fresh.keyId), id -> fresh).add(certificate, crls);
    }

    /** Every CA noted, by subject then key identifier, so the report's order does not depend on threads. */
    List<Seen> all() {
        return cas.values().stream().sorted(Comparator.<Seen, String>comparing(s -> s.subject)
                .thenComparing(s -> s.keyId)).toList();
    }

    /** The subjectKeyIdentifier, or the SHA-1 of the subjectPublicKey BIT STRING (RFC 5280 4.2.1.2 method 1). */
    static String keyId(X509Certificate ca) {
        byte[] wrapped = ExtensionValues.wrapped(ca, Extension.subjectKeyIdentifier.getId());
        try {
            if (wrapped != null) {
                return HexFormat.of().formatHex(SubjectKeyIdentifier.getInstance(
                        ASN1OctetString.getInstance(wrapped).getOctets()).getKeyIdentifier());
            }
        } catch (RuntimeException e) {
            // An unreadable identifier: computed from the key below, as for a CA without one.
        }
        byte[] key = SubjectPublicKeyInfo.getInstance(ca.getPublicKey().getEncoded()).getPublicKeyData().getBytes();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(key));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-1", e);
        }
    }
}
