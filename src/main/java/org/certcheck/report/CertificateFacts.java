package org.certcheck.report;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a person or script needs to know about one certificate, already rendered to text.
 *
 * @param subject            RFC 2253 subject DN
 * @param issuer             RFC 2253 issuer DN
 * @param subjectAltNames    e.g. {@code DNS:www.example.com}, {@code IP:10.0.0.1}
 * @param serialNumber       upper-case hex
 * @param sha256Fingerprint  upper-case hex pairs separated by colons
 * @param keyType            RSA, EC, Ed25519 ...
 * @param keySize            bits, 0 when unknown
 * @param signatureAlgorithm e.g. SHA256withECDSA
 * @param spkiSha256         SHA-256 of the SubjectPublicKeyInfo (the key, whatever certificate carries it),
 *                           upper-case hex pairs separated by colons
 * @param keyUsage           RFC 5280 4.2.1.3 names (digitalSignature ...); empty when absent
 * @param extendedKeyUsage   serverAuth, clientAuth ... or the OID; empty when absent
 */
public record CertificateFacts(String subject, String issuer, List<String> subjectAltNames, String serialNumber,
                               String sha256Fingerprint, String keyType, int keySize, String signatureAlgorithm,
                               Instant notBefore, Instant notAfter, String spkiSha256, List<String> keyUsage,
                               List<String> extendedKeyUsage) {
    /** Facts without key identity or usages (tests and documents of older runs). */
    public CertificateFacts(String subject, String issuer, List<String> subjectAltNames, String serialNumber,
                            String sha256Fingerprint, String keyType, int keySize, String signatureAlgorithm,
                            Instant notBefore, Instant notAfter) {
        this(subject, issuer, subjectAltNames, serialNumber, sha256Fingerprint, keyType, keySize, signatureAlgorithm,
                notBefore, notAfter, "", List.of(), List.of());
    }

    public CertificateFacts {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        subjectAltNames = List.copyOf(subjectAltNames);
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(spkiSha256, "spkiSha256");
        keyUsage = List.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
    }

    /**
     * The facts of a certificate as a server sent it. Never throws for an odd certificate: a fact
     * that cannot be read is shown as {@code <unreadable>} (key size 0, and no SANs when the
     * subjectAltName extension cannot be decoded).
     */
    public static CertificateFacts of(X509Certificate certificate) {
        return CertificateFactsReader.read(Objects.requireNonNull(certificate, "certificate"));
    }
}
