package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;

/** Reads an extension's value, its inner value as ASN.1, and its criticality. */
public final class ExtensionValues {
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
        Set<String> critical = certificate.getCriticalExtensionOIDs();
        return critical != null && critical.contains(oid);
    }

    /** Read from the certificate's lists of extension OIDs, which cost nothing when absent. */
    static boolean present(X509Certificate certificate, String oid) {
        Set<String> critical = certificate.getCriticalExtensionOIDs();
        Set<String> other = certificate.getNonCriticalExtensionOIDs();
        return (critical != null && critical.contains(oid)) || (other != null && other.contains(oid));
    }
}
