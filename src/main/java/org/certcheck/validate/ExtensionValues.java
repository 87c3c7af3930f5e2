package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;

/** Reads an extension's value, its inner value as ASN.1, and its criticality. */
public final class ExtensionValues {
    /**
     * Each certificate's extension OIDs, read once: Java 17 builds new sorted sets at every call, and
     * a dozen checks ask about the same few certificates of a path. Weak keys: an entry lives as
     * long as its certificate.
     */
    private static final Map<X509Certificate, Oids> OIDS = Collections.synchronizedMap(new WeakHashMap<>());

    private record Oids(Set<String> critical, Set<String> all) {
    }

    private ExtensionValues() {
    }

    /**
     * The extension's value parsed as DER; empty when absent.
     *
     * @throws IllegalArgumentException when the value is not DER
     */
    static Optional<ASN1Primitive> of(X509Certificate certificate, String oid) {
        byte[] wrapped = wrapped(certificate, oid);
        if (wrapped == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets()));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName(), e);
        }
    }

    /**
     * The extension's DER OCTET STRING as {@link X509Certificate#getExtensionValue} gives it, or null
     * when absent, without the exception Java 17 builds and throws inside for every absent extension
     * it knows (about 1% of a fleet run's CPU, seen with a profiler).
     */
    public static byte[] wrapped(X509Certificate certificate, String oid) {
        return present(certificate, oid) ? certificate.getExtensionValue(oid) : null;
    }

    static boolean critical(X509Certificate certificate, String oid) {
        return oids(certificate).critical().contains(oid);
    }

    /** The OIDs of the certificate's critical extensions in order; empty when it has none. */
    static Set<String> criticalOids(X509Certificate certificate) {
        return oids(certificate).critical();
    }

    /** From the certificate's extension OID lists (read once), which throw nothing for an absent extension. */
    static boolean present(X509Certificate certificate, String oid) {
        return oids(certificate).all().contains(oid);
    }

    private static Oids oids(X509Certificate certificate) {
        Oids known = OIDS.get(certificate);
        if (known == null) {
            Set<String> critical = orEmpty(certificate.getCriticalExtensionOIDs());
            Set<String> all = new HashSet<>(critical);
            all.addAll(orEmpty(certificate.getNonCriticalExtensionOIDs()));
            known = new Oids(Collections.unmodifiableSortedSet(new TreeSet<>(critical)), Set.copyOf(all));
            OIDS.put(certificate, known);
        }
        return known;
    }

    private static Set<String> orEmpty(Set<String> oids) {
        return oids == null ? Set.of() : oids;
    }
}
