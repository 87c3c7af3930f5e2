package org.certcheck.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.Certificate;
import org.certcheck.pki.HeldCertificate;

/**
 * Re-signs a certificate with validity times written byte for byte as given, to make the non-DER
 * encodings RFC 5280 4.1.2.5.1/4.1.2.5.2 forbid (UTCTime without seconds or {@code Z}, a
 * GeneralizedTime with fractional seconds or before 2050). Bouncy Castle's certificate builder
 * and its DER encoder would normalise such times, so the TBSCertificate is assembled here from the
 * encodings of its fields.
 */
public final class MisencodedTimes {
    private MisencodedTimes() {
    }

    /** A UTCTime TLV holding exactly {@code text}, e.g. {@code 2601010000Z} (no seconds). */
    public static byte[] utcTime(String text) {
        return tlv(0x17, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** A GeneralizedTime TLV holding exactly {@code text}, e.g. {@code 20260101000000.5Z}. */
    public static byte[] generalizedTime(String text) {
        return tlv(0x18, text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The DER of {@code certificate} with its validity replaced by {@code notBefore} and {@code notAfter}
     * (each a time TLV) and signed again by {@code signer} with SHA256withECDSA or SHA256withRSA, as the
     * original was.
     */
    public static byte[] resign(X509Certificate certificate, PrivateKey signer, byte[] notBefore, byte[] notAfter) {
        try {
            Certificate parsed = Certificate.getInstance(certificate.getEncoded());
            ASN1Sequence tbs = ASN1Sequence.getInstance(parsed.getTBSCertificate().toASN1Primitive());
            ByteArrayOutputStream fields = new ByteArrayOutputStream();
            int validityIndex = tbs.getObjectAt(0) instanceof ASN1TaggedObject ? 4 : 3;
            for (int i = 0; i < tbs.size(); i++) {
                fields.write(i == validityIndex ? tlv(0x30, concat(notBefore, notAfter)) : der(tbs.getObjectAt(i)));
            }
            byte[] tbsBytes = tlv(0x30, fields.toByteArray());
            Signature signature = Signature.getInstance(certificate.getSigAlgName());
            signature.initSign(signer);
            signature.update(tbsBytes);
            byte[] bits = concat(new byte[] {0}, signature.sign());
            return tlv(0x30, concat(tbsBytes, concat(der(parsed.getSignatureAlgorithm()), tlv(0x03, bits))));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot re-sign " + certificate.getSubjectX500Principal() + ": " + e, e);
        }
    }

    /** {@link #resign} for a certificate issued by {@code issuer} (self-signed when it is the certificate itself). */
    public static byte[] resign(HeldCertificate certificate, HeldCertificate issuer, byte[] notBefore, byte[] notAfter) {
        return resign(certificate.certificate(), issuer.privateKey(), notBefore, notAfter);
    }

    /** PEM text of DER certificate bytes, for files handed to OpenSSL and GnuTLS. */
    public static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    /** The JDK's reading of {@code der}, or an exception when it refuses the encoding. */
    public static X509Certificate parse(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] der(ASN1Encodable value) throws IOException {
        ASN1Primitive primitive = value.toASN1Primitive();
        return primitive.getEncoded(ASN1Encoding.DER);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
