package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Printable;
import org.certcheck.finding.Role;

/**
 * The key identifiers that let clients build paths (RFC 5280 §4.2.1.1 and §4.2.1.2): every
 * certificate not self-signed carries an authorityKeyIdentifier with a keyIdentifier; every CA
 * certificate carries a subjectKeyIdentifier; neither is critical. A self-signed certificate may
 * omit its authorityKeyIdentifier, but if it has one, it names its own key and nothing else
 * (CA/Browser Forum BR §7.1.2.1.3).
 */
final class KeyIdentifierCheck {
    private KeyIdentifierCheck() {
    }

    static List<Finding> check(CertificatePath path) {
        List<Finding> findings = new ArrayList<>();
        List<X509Certificate> chain = path.certificates();
        boolean leafIsAnchor = path.trusted() && chain.size() == 1;
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            boolean anchor = path.trusted() && i == chain.size() - 1;
            Role role = path.role(i);
            if (anchor && certificate.getVersion() < 3) {
                continue; // a v1 root can carry no extension at all, and anchors the path by name and key
            }
            problem(certificate, i > 0 || leafIsAnchor, anchor).ifPresent(problem -> findings.add(Finding.about(
                    Certificates.subject(certificate), role, FindingCode.CERT_KEY_IDENTIFIER, problem)));
            if (i + 1 < chain.size()) {
                mismatch(certificate, chain.get(i + 1)).ifPresent(problem -> findings.add(Finding.about(
                        Certificates.subject(certificate), role, FindingCode.CHAIN_KEY_IDENTIFIER_MISMATCH, problem)));
            }
        }
        return findings;
    }

    /**
     * An authorityKeyIdentifier that names another key or certificate than the issuer's: OpenSSL
     * (X509_check_akid) and GnuTLS skip such an issuer while building the path, so their clients find
     * none. Only fields both sides carry are compared, as they do.
     */
    private static Optional<String> mismatch(X509Certificate certificate, X509Certificate issuer) {
        AuthorityKeyIdentifier authority;
        byte[] issuerKeyId;
        try {
            authority = ExtensionValues.of(certificate, Extension.authorityKeyIdentifier.getId())
                    .map(AuthorityKeyIdentifier::getInstance).orElse(null);
            issuerKeyId = ExtensionValues.of(issuer, Extension.subjectKeyIdentifier.getId())
                    .map(SubjectKeyIdentifier::getInstance).map(SubjectKeyIdentifier::getKeyIdentifier).orElse(null);
        } catch (RuntimeException e) {
            return Optional.empty(); // unreadable identifiers are reported by problem()
        }
        if (authority == null) {
            return Optional.empty();
        }
        String subject = Certificates.subject(certificate);
        String issuerName = Certificates.subject(issuer);
        if (authority.getKeyIdentifierObject() != null && issuerKeyId != null
                && !Arrays.equals(authority.getKeyIdentifier(), issuerKeyId)) {
            return Optional.of("the authorityKeyIdentifier of " + subject + " (" + hex(authority.getKeyIdentifier())
                    + ") does not match the subjectKeyIdentifier of its issuer " + issuerName + " ("
                    + hex(issuerKeyId) + "): OpenSSL- and GnuTLS-based clients do not take that CA as its issuer and"
                    + " cannot build the chain; the issuing CA must reissue the certificate with its own key identifier");
        }
        if (authority.getAuthorityCertSerialNumber() != null
                && !authority.getAuthorityCertSerialNumber().equals(issuer.getSerialNumber())) {
            return Optional.of("the authorityKeyIdentifier of " + subject + " names issuer serial "
                    + authority.getAuthorityCertSerialNumber().toString(16) + ", but its issuer " + issuerName
                    + " has serial " + issuer.getSerialNumber().toString(16) + ": OpenSSL-based clients do not take"
                    + " that CA as its issuer and cannot build the chain; the issuing CA must reissue the certificate");
        }
        return Optional.empty();
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.ofDelimiter(":").formatHex(bytes);
    }

    private static Optional<String> problem(X509Certificate certificate, boolean ca, boolean anchor) {
        String subject = Certificates.subject(certificate);
        String aki = Extension.authorityKeyIdentifier.getId();
        String ski = Extension.subjectKeyIdentifier.getId();
        if (ExtensionValues.critical(certificate, aki) || ExtensionValues.critical(certificate, ski)) {
            return Optional.of(subject + " marks its " + (ExtensionValues.critical(certificate, aki)
                    ? "authorityKeyIdentifier" : "subjectKeyIdentifier") + " critical; RFC 5280 4.2.1.1-2 require"
                    + " it non-critical: the issuing CA must reissue the certificate");
        }
        byte[] subjectKeyId;
        AuthorityKeyIdentifier authority;
        try {
            subjectKeyId = ExtensionValues.of(certificate, ski).map(SubjectKeyIdentifier::getInstance)
                    .map(SubjectKeyIdentifier::getKeyIdentifier).orElse(null);
            authority = ExtensionValues.of(certificate, aki).map(AuthorityKeyIdentifier::getInstance).orElse(null);
        } catch (RuntimeException e) {
            return Optional.of(subject + " has a key identifier extension that cannot be read ("
                    + Printable.printable(String.valueOf(e.getMessage())) + "): the CA must reissue it");
        }
        if (ca && subjectKeyId == null) {
            return Optional.of("CA certificate " + subject + " has no subjectKeyIdentifier, which RFC 5280 4.2.1.2"
                    + " requires of every CA certificate (clients use it to find the issuer): reissue it with one");
        }
        boolean selfSigned = Certificates.selfIssued(certificate) && Certificates.signedBy(certificate, certificate);
        if (!selfSigned) {
            // An anchor is trusted for its key, whoever else may have signed it (a cross-signed root).
            if (!anchor && (authority == null || authority.getKeyIdentifierObject() == null)) {
                return Optional.of(subject + " has no authorityKeyIdentifier keyIdentifier, which RFC 5280 4.2.1.1"
                        + " requires in every certificate not self-signed: the issuing CA must reissue it");
            }
            return Optional.empty();
        }
        if (authority == null) {
            return Optional.empty();
        }
        if (authority.getAuthorityCertIssuer() != null || authority.getAuthorityCertSerialNumber() != null) {
            return Optional.of("self-signed " + subject + " names an issuer certificate (authorityCertIssuer or"
                    + " authorityCertSerialNumber) in its authorityKeyIdentifier, which CA/B Forum BR 7.1.2.1.3 forbids");
        }
        byte[] keyId = authority.getKeyIdentifierObject() == null ? null : authority.getKeyIdentifier();
        if (keyId == null) {
            return Optional.of("self-signed " + subject + " has an authorityKeyIdentifier without keyIdentifier"
                    + " (CA/B Forum BR 7.1.2.1.3): reissue it with the keyIdentifier or without the extension");
        }
        if (subjectKeyId != null && !Arrays.equals(keyId, subjectKeyId)) {
            return Optional.of("self-signed " + subject + " has an authorityKeyIdentifier that differs from its own"
                    + " subjectKeyIdentifier: clients looking for its issuer by key identifier will not find it");
        }
        return Optional.empty();
    }
}
