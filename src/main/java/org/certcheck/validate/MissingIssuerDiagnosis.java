package org.certcheck.validate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Printable;

/**
 * Names the certificate a server failed to send. When a chain stops at a certificate whose issuer
 * is neither sent nor trusted, and that certificate has an authorityInfoAccess caIssuers URL
 * (RFC 5280 §4.2.2.1), the URL is fetched and what it serves is named in the finding, so the
 * operator knows which file to install. The fetched certificate is never used to build the path:
 * Java clients, and most non-browser clients, do not fetch it either, so the failure stands.
 */
final class MissingIssuerDiagnosis {
    private static final String CA_ISSUERS = AccessDescription.id_ad_caIssuers.getId();

    private final IssuerFetcher fetcher;

    MissingIssuerDiagnosis(IssuerFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** The findings with the incomplete-chain finding, if any, explained further. */
    List<Finding> explain(List<Finding> findings, CertificatePath path) {
        if (path.trusted() || fetcher == IssuerFetcher.NONE) {
            return findings;
        }
        X509Certificate top = path.top();
        List<Finding> explained = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            boolean missingIssuer = finding.code() == FindingCode.CHAIN_INCOMPLETE
                    || (finding.code() == FindingCode.CHAIN_UNTRUSTED && !Certificates.selfIssued(top));
            Optional<URI> url = missingIssuer ? caIssuersUrl(top) : Optional.empty();
            explained.add(url.map(uri -> finding.withMessage(
                    finding.message() + ". " + describe(uri, fetcher.fetch(uri), top)))
                    .orElse(finding));
        }
        return explained;
    }

    private static String describe(URI uri, IssuerFetcher.Fetched fetched, X509Certificate child) {
        String prefix = "Its authorityInfoAccess points to " + uri;
        if (fetched instanceof IssuerFetcher.Fetched.Failed failed) {
            return prefix + ", which could not be fetched (" + Printable.printable(failed.reason()) + ")";
        }
        byte[] body = ((IssuerFetcher.Fetched.Body) fetched).bytes();
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(body));
        } catch (CertificateException | RuntimeException e) {
            return prefix + ", which serves " + body.length + " bytes that are not a certificate";
        }
        for (Certificate certificate : certificates) {
            X509Certificate issuer = (X509Certificate) certificate;
            if (issuer.getSubjectX500Principal().equals(child.getIssuerX500Principal())) {
                return prefix + ", which serves the missing certificate " + Certificates.subject(issuer)
                        + " (issued by " + Certificates.issuer(issuer) + ", SHA-256 "
                        + HexFormat.ofDelimiter(":").withUpperCase().formatHex(Pin.certificateSha256(issuer))
                        + ", notAfter " + issuer.getNotAfter().toInstant() + "): add it to the server's chain file"
                        + " (certcheck does not use it to pass the check, as Java clients do not fetch it)";
            }
        }
        return prefix + ", which does not serve a certificate named " + Certificates.issuer(child);
    }

    static Optional<URI> caIssuersUrl(X509Certificate certificate) {
        try {
            Optional<AuthorityInformationAccess> access = ExtensionValues
                    .of(certificate, Extension.authorityInfoAccess.getId()).map(AuthorityInformationAccess::getInstance);
            if (access.isEmpty()) {
                return Optional.empty();
            }
            for (AccessDescription description : access.get().getAccessDescriptions()) {
                GeneralName location = description.getAccessLocation();
                if (description.getAccessMethod().getId().equals(CA_ISSUERS)
                        && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    URI uri = URI.create(location.getName().toString());
                    if ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) {
                        return Optional.of(uri);
                    }
                }
            }
        } catch (RuntimeException e) {
            // A malformed extension or URL: nothing to fetch; ExtensionProfileCheck reports the extension.
        }
        return Optional.empty();
    }
}
