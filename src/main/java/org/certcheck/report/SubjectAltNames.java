package org.certcheck.report;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;
import org.certcheck.validate.ExtensionValues;
import org.certcheck.validate.IpText;

/**
 * Renders a certificate's subjectAltName extension (RFC 5280 section 4.2.1.6) as text in the
 * OpenSSL style: {@code DNS:www.example.com}, {@code IP:10.0.0.1}, {@code IP:2001:db8::1},
 * {@code email:a@example.com}, {@code URI:https://example.com/}, {@code DirName:CN=x},
 * {@code RID:1.2.3}, {@code othername:1.2.3}.
 *
 * <p>The extension is decoded here with Bouncy Castle rather than through
 * {@code X509Certificate.getSubjectAlternativeNames()}: the JDK renders IPv6 addresses without
 * compression and gives no raw bytes to do it ourselves.
 */
final class SubjectAltNames {
    private static final HexFormat HEX = HexFormat.of();

    private SubjectAltNames() {
    }

    /**
     * The names in the order the certificate lists them; empty when the extension is absent or
     * cannot be decoded: judging a bad SAN is the checks' job, and it must not stop the report
     * from showing the rest of the certificate.
     */
    static List<String> of(X509Certificate certificate) {
        try {
            byte[] extensionValue = ExtensionValues.wrapped(certificate, Extension.subjectAlternativeName.getId());
            if (extensionValue == null) {
                return List.of();
            }
            GeneralNames names = GeneralNames.getInstance(ASN1OctetString.getInstance(extensionValue).getOctets());
            List<String> rendered = new ArrayList<>();
            for (GeneralName name : names.getNames()) {
                rendered.add(render(name));
            }
            return rendered;
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports malformed ASN.1 with IllegalArgumentException, IllegalStateException
            // or ClassCastException, depending on where the encoding goes wrong.
            return List.of();
        }
    }

    private static String render(GeneralName name) throws IOException {
        ASN1Encodable value = name.getName();
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> "DNS:" + string(value);
            case GeneralName.rfc822Name -> "email:" + string(value);
            case GeneralName.uniformResourceIdentifier -> "URI:" + string(value);
            case GeneralName.iPAddress -> "IP:" + ipAddress(ASN1OctetString.getInstance(value).getOctets());
            case GeneralName.directoryName -> "DirName:"
                    + new X500Principal(X500Name.getInstance(value).getEncoded()).getName(X500Principal.RFC2253);
            case GeneralName.registeredID -> "RID:" + ASN1ObjectIdentifier.getInstance(value).getId();
            case GeneralName.otherName -> "othername:" + OtherName.getInstance(value).getTypeID().getId();
            case GeneralName.x400Address -> "X400Name:<unsupported>";
            case GeneralName.ediPartyName -> "EdiPartyName:<unsupported>";
            default -> "unknown:" + name.getTagNo();
        };
    }

    private static String string(ASN1Encodable value) {
        if (value instanceof ASN1String text) {
            return text.getString();
        }
        if (value instanceof ASN1TaggedObject tagged) {
            return string(tagged.getBaseObject());
        }
        return String.valueOf(value);
    }

    /**
     * IPv4 as a dotted quad; IPv6 in the canonical text form of RFC 5952 section 4 (lower case,
     * no leading zeros, the longest run of two or more zero groups as {@code ::}, the first run on a
     * tie) and IPv4-mapped addresses as {@code ::ffff:192.0.2.1} (section 5). Any other length is
     * malformed and shown as hex so the evidence is not lost.
     */
    static String ipAddress(byte[] octets) {
        // Subnet-sized or malformed entries keep their raw octets; real addresses use one formatter.
        return octets.length == 4 || octets.length == 16 ? IpText.of(octets) : "#" + HEX.formatHex(octets);
    }
}
