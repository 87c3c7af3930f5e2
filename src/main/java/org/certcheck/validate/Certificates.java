package org.certcheck.validate;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.certcheck.crypto.SignatureChecks;
import org.certcheck.finding.Printable;

/** Small facts about certificates that several checks need. */
final class Certificates {
    private Certificates() {
    }

    /** RFC 2253 subject, control characters escaped, for messages. */
    static String subject(X509Certificate certificate) {
        return Printable.printable(certificate.getSubjectX500Principal().getName());
    }

    static String issuer(X509Certificate certificate) {
        return Printable.printable(certificate.getIssuerX500Principal().getName());
    }

    /** Issuer name equals subject name (RFC 5280 section 3.3 "self-issued"). */
    static boolean selfIssued(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal());
    }

    /** Self-issued and its signature verifies with its own key. */
    static boolean selfSigned(X509Certificate certificate) {
        return selfIssued(certificate) && signedBy(certificate, certificate);
    }

    /**
     * A signature check already done in this process: same certificate bytes, same issuer key.
     * equals and hashCode written out: a record's are linked through invokedynamic at first use,
     * about 13 ms of a one-host check's start.
     */
    private record Verification(ByteBuffer certificate, ByteBuffer issuerKey) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Verification that && certificate.equals(that.certificate)
                    && issuerKey.equals(that.issuerKey);
        }

        @Override
        public int hashCode() {
            return 31 * certificate.hashCode() + issuerKey.hashCode();
        }
    }

    /**
     * Bounded memo of signature checks: in a fleet, every host's intermediate is checked against the
     * same root, and a 4096-bit RSA or P-256 check costs milliseconds. Keyed by the whole encoding,
     * so a certificate that differs in any byte is checked afresh.
     */
    private static final Map<Verification, Boolean> VERIFIED = new ConcurrentHashMap<>();
    private static final int VERIFIED_LIMIT = 10_000;

    /**
     * Whether {@code issuer}'s key verifies {@code certificate}'s signature ({@link SignatureChecks}
     * picks the engine), remembered for the run.
     */
    static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        Verification key;
        try {
            key = new Verification(ByteBuffer.wrap(certificate.getEncoded()),
                    ByteBuffer.wrap(issuer.getPublicKey().getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
        Boolean known = VERIFIED.get(key);
        if (known != null) {
            return known;
        }
        boolean verified = SignatureChecks.verifies(certificate, issuer.getPublicKey());
        if (VERIFIED.size() >= VERIFIED_LIMIT) {
            VERIFIED.clear();
        }
        VERIFIED.put(key, verified);
        return verified;
    }

    static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }

    /** Same subject and same key: a re-issued or cross-signed copy of the same CA. */
    static boolean sameEntity(X509Certificate a, X509Certificate b) {
        return a.getSubjectX500Principal().equals(b.getSubjectX500Principal())
                && Arrays.equals(a.getPublicKey().getEncoded(), b.getPublicKey().getEncoded());
    }
}
