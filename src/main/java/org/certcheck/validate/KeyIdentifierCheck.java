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
import org.certcheck.finding.Severity;

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
            problem(certificate, i > 0 || leafIsAnchor, anchor).ifPresent(problem -> findings.add(Finding.about(
                    Certificates.subject(certificate), FindingCode.CERT_KEY_IDENTIFIER, Severity.FAIL, problem)));
        }
        return findings;
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
