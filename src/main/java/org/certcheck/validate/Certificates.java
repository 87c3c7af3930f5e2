package org.certcheck.validate;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

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

    static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
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
