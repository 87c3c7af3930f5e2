package org.certcheck.validate;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

import org.certcheck.validate.ExtensionValues;

/**
 * A certificate's subjectAltName extension (RFC 5280 §4.2.1.6) as read: absent, a list of names,
 * or unreadable. Reading is done from the raw extension bytes with Bouncy Castle's ASN.1 parser, so
 * a dNSName keeps its exact octets (the JDK would decode and possibly reject them) and an
 * iPAddress keeps its exact length (the JDK would turn an IPv4-mapped IPv6 address into IPv4).
 */
public sealed interface SubjectAltNames {

    /** The certificate has no subjectAltName extension at all. */
    record Absent() implements SubjectAltNames {
    }

    /** The extension's entries in certificate order; empty only if the certificate is malformed. */
    record Present(List<SubjectAltName> names) implements SubjectAltNames {
        public Present {
            names = List.copyOf(names);
        }
    }

    /** The extension is there but is not valid DER of a GeneralNames sequence. */
    record Unreadable(String reason) implements SubjectAltNames {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Reads the extension; never throws for a malformed one, that is {@link Unreadable}. */
    static SubjectAltNames of(X509Certificate certificate) {
        byte[] extension = ExtensionValues.wrapped(certificate, Extension.subjectAlternativeName.getId());
        if (extension == null) {
            return new Absent();
        }
        try {
            byte[] value = ASN1OctetString.getInstance(extension).getOctets();
            GeneralNames names = GeneralNames.getInstance(ASN1Primitive.fromByteArray(value));
            List<SubjectAltName> entries = new ArrayList<>();
            for (GeneralName name : names.getNames()) {
                entries.add(entry(name));
            }
            return new Present(entries);
        } catch (java.io.IOException | RuntimeException e) {
            // Bouncy Castle reports malformed DER as IOException, IllegalArgumentException,
            // IllegalStateException or ClassCastException depending on where it breaks.
            return new Unreadable(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    private static SubjectAltName entry(GeneralName name) {
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> new SubjectAltName.DnsName(ia5(name));
            case GeneralName.iPAddress -> new SubjectAltName.IpAddress(
                    ASN1OctetString.getInstance(name.getName()).getOctets());
            case GeneralName.rfc822Name -> new SubjectAltName.Other("email", ia5(name));
            case GeneralName.uniformResourceIdentifier -> new SubjectAltName.Other("URI", ia5(name));
            case GeneralName.directoryName -> new SubjectAltName.Other("DirName",
                    X500Name.getInstance(name.getName()).toString());
            case GeneralName.registeredID -> new SubjectAltName.Other("RID",
                    ASN1ObjectIdentifier.getInstance(name.getName()).getId());
            default -> new SubjectAltName.Other("othername", "<unsupported>");
        };
    }

    /** The octets as UTF-8, so that a non-ASCII name shows as what it is rather than as Latin-1. */
    private static String ia5(GeneralName name) {
        return new String(ASN1IA5String.getInstance(name.getName()).getOctets(), StandardCharsets.UTF_8);
    }
}
