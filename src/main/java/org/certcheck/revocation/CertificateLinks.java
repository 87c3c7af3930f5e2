package org.certcheck.revocation;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

import org.certcheck.validate.ExtensionValues;

/**
 * Where a certificate says its revocation status is published, and whether it demands stapling:
 * facts read from its extensions, judged elsewhere.
 *
 * @param ocsp         http(s) URIs of id-ad-ocsp in authorityInfoAccess (RFC 5280 section 4.2.2.1)
 * @param crls         http(s) full-name URIs in cRLDistributionPoints (RFC 5280 section 4.2.1.13)
 * @param unfetchable  other locations certcheck cannot fetch: ldap:// URIs, directory names, a
 *                     distribution point named relative to the issuer, an extension it cannot parse
 * @param mustStaple   the TLS Feature extension (RFC 7633) lists status_request
 */
record CertificateLinks(List<URI> ocsp, List<URI> crls, List<String> unfetchable, boolean mustStaple) {
    static final String TLS_FEATURE = "1.3.6.1.5.5.7.1.24";
    private static final int STATUS_REQUEST = 5;

    CertificateLinks {
        ocsp = List.copyOf(ocsp);
        crls = List.copyOf(crls);
        unfetchable = List.copyOf(unfetchable);
    }

    static CertificateLinks of(X509Certificate certificate) {
        List<URI> ocsp = new ArrayList<>();
        List<URI> crls = new ArrayList<>();
        List<String> unfetchable = new ArrayList<>();
        try {
            byte[] aia = extension(certificate, Extension.authorityInfoAccess.getId());
            if (aia != null) {
                for (AccessDescription access : AuthorityInformationAccess.getInstance(aia).getAccessDescriptions()) {
                    if (access.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                        add(access.getAccessLocation(), ocsp, unfetchable);
                    }
                }
            }
        } catch (RuntimeException e) {
            unfetchable.add("an authorityInfoAccess extension that cannot be parsed");
        }
        try {
            byte[] cdp = extension(certificate, Extension.cRLDistributionPoints.getId());
            if (cdp != null) {
                for (DistributionPoint point : CRLDistPoint.getInstance(cdp).getDistributionPoints()) {
                    DistributionPointName name = point.getDistributionPoint();
                    if (name == null) {
                        unfetchable.add("a distribution point with only a cRLIssuer");
                    } else if (name.getType() == DistributionPointName.FULL_NAME) {
                        for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                            add(general, crls, unfetchable);
                        }
                    } else {
                        unfetchable.add("a distribution point named relative to the issuer");
                    }
                }
            }
        } catch (RuntimeException e) {
            unfetchable.add("a cRLDistributionPoints extension that cannot be parsed");
        }
        return new CertificateLinks(ocsp, crls, unfetchable, mustStaple(certificate));
    }

    boolean publishesNothing() {
        return ocsp.isEmpty() && crls.isEmpty();
    }

    private static boolean mustStaple(X509Certificate certificate) {
        try {
            byte[] value = extension(certificate, TLS_FEATURE);
            if (value == null) {
                return false;
            }
            for (ASN1Encodable feature : ASN1Sequence.getInstance(value)) {
                if (ASN1Integer.getInstance(feature).intValueExact() == STATUS_REQUEST) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            // A TLS Feature extension that cannot be read: asking for the staple is the safe reading.
            return true;
        }
    }

    private static void add(GeneralName name, List<URI> http, List<String> unfetchable) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            unfetchable.add(name.getTagNo() == GeneralName.directoryName ? "directory name " + name.getName()
                    : "a name of type " + name.getTagNo());
            return;
        }
        String text = ASN1IA5String.getInstance(name.getName()).getString();
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                http.add(uri);
            } else {
                unfetchable.add(text);
            }
        } catch (URISyntaxException e) {
            unfetchable.add(text);
        }
    }

    private static byte[] extension(X509Certificate certificate, String oid) {
        byte[] wrapped = ExtensionValues.wrapped(certificate, oid);
        return wrapped == null ? null : ASN1OctetString.getInstance(wrapped).getOctets();
    }
}
