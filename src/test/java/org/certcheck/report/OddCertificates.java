package org.certcheck.report;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates {@code HeldCertificate} has no knob for: arbitrary SAN types and SAN bytes that are
 * not valid DER. Built straight with Bouncy Castle, self-signed with an EC key.
 */
final class OddCertificates {
    private OddCertificates() {
    }

    static X509Certificate withSubjectAltNames(GeneralName... names) throws Exception {
        return build(new GeneralNames(names).getEncoded());
    }

    /** @param extensionValue the bytes inside the extension's OCTET STRING, valid or not */
    static X509Certificate withSubjectAltNameBytes(byte[] extensionValue) throws Exception {
        return build(extensionValue);
    }

    private static X509Certificate build(byte[] subjectAltName) throws Exception {
        KeyPair keys = ecKeys();
        Instant now = Instant.parse("2026-11-23T12:00:00Z").truncatedTo(ChronoUnit.SECONDS);
        X500Name name = new X500Name("CN=odd.test");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                Date.from(now), Date.from(now.plus(30, ChronoUnit.DAYS)), name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, subjectAltName);
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }
}
