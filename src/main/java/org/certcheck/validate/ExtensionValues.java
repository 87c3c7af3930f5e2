package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;

/** Reads an extension's inner value as ASN.1, and its criticality, for the profile checks. */
final class ExtensionValues {
    private ExtensionValues() {
    }

    /**
     * The extension's value parsed as DER; empty when absent.
     *
     * @throws IllegalArgumentException when the value is not DER
     */
    static Optional<ASN1Primitive> of(X509Certificate certificate, String oid) {
        byte[] wrapped = present(certificate, oid) ? certificate.getExtensionValue(oid) : null;
        if (wrapped == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets()));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName(), e);
        }
    }

    static boolean critical(X509Certificate certificate, String oid) {
        Set<String> critical = certificate.getCriticalExtensionOIDs();
        return critical != null && critical.contains(oid);
    }

    /**
     * Read from the certificate's lists of extension OIDs: Java 17's getExtensionValue builds and
     * throws an exception inside for every absent extension it knows, a cost paid per host.
     */
    static boolean present(X509Certificate certificate, String oid) {
        Set<String> critical = certificate.getCriticalExtensionOIDs();
        Set<String> other = certificate.getNonCriticalExtensionOIDs();
        return (critical != null && critical.contains(oid)) || (other != null && other.contains(oid));
    }
}
