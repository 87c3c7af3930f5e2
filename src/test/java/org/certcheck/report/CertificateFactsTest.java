package org.certcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.certcheck.pki.HeldCertificate;
import org.junit.jupiter.api.Test;

class CertificateFactsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Instant NOT_BEFORE = Instant.parse("2026-09-01T00:00:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2027-02-21T00:00:00Z");

    private final HeldCertificate root = HeldCertificate.builder(NOW).commonName("Corp Root CA")
            .organization("Corp").certificateAuthority(1).build();

    @Test
    void readsEveryFactOfAnEcLeaf() throws Exception {
        HeldCertificate leaf = HeldCertificate.builder(NOW).commonName("www.corp.test").organization("Corp")
                .validity(NOT_BEFORE, NOT_AFTER).serialNumber(BigInteger.valueOf(0x1a2b3c))
                .addSubjectAltName("www.corp.test").addIpAddress("10.0.0.1").addIpAddress("2001:db8:0:0:0:0:0:1")
                .addEmail("ops@corp.test").signedBy(root).build();

        CertificateFacts facts = CertificateFacts.of(leaf.certificate());

        assertThat(facts).isEqualTo(new CertificateFacts("CN=www.corp.test,O=Corp", "CN=Corp Root CA,O=Corp",
                java.util.List.of("DNS:www.corp.test", "IP:10.0.0.1", "IP:2001:db8::1", "email:ops@corp.test"),
                "1A2B3C", sha256(leaf.certificate()), "EC", 256, "SHA256withECDSA", NOT_BEFORE, NOT_AFTER,
                java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(java.security.MessageDigest
                        .getInstance("SHA-256").digest(leaf.certificate().getPublicKey().getEncoded())),
                java.util.List.of(), java.util.List.of("serverAuth")));
        assertThat(facts.sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void rsaKeySizeIsTheModulusLength() {
        HeldCertificate leaf = HeldCertificate.builder(NOW).rsa(2048).signedBy(root).build();

        CertificateFacts facts = CertificateFacts.of(leaf.certificate());

        assertThat(facts.keyType()).isEqualTo("RSA");
        assertThat(facts.keySize()).isEqualTo(2048);
        assertThat(facts.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void ecKeySizeIsTheFieldSize() {
        HeldCertificate leaf = HeldCertificate.builder(NOW).ec(384).build();

        assertThat(CertificateFacts.of(leaf.certificate()).keySize()).isEqualTo(384);
    }

    @Test
    void ed25519KeyIsNamedByItsCurve() throws Exception {
        HeldCertificate leaf = HeldCertificate.builder(NOW)
                .keyPair(KeyPairGenerator.getInstance("Ed25519").generateKeyPair())
                .signatureAlgorithm("Ed25519").build();

        CertificateFacts facts = CertificateFacts.of(leaf.certificate());

        assertThat(facts.keyType()).isEqualTo("Ed25519");
        assertThat(facts.keySize()).isEqualTo(255);
        assertThat(facts.signatureAlgorithm()).isEqualTo("Ed25519");
    }

    @Test
    void negativeSerialIsShownWithItsSign() {
        HeldCertificate leaf = HeldCertificate.builder(NOW).serialNumber(BigInteger.valueOf(-255)).build();

        assertThat(CertificateFacts.of(leaf.certificate()).serialNumber()).isEqualTo("-FF");
    }

    @Test
    void rendersUriDirectoryNameRegisteredIdAndOtherNameSans() throws Exception {
        X509Certificate certificate = OddCertificates.withSubjectAltNames(
                new GeneralName(GeneralName.uniformResourceIdentifier, "https://corp.test/"),
                new GeneralName(new X500Name("O=Corp,CN=dir")),
                new GeneralName(GeneralName.registeredID, "1.2.3.4"),
                new GeneralName(GeneralName.otherName, new org.bouncycastle.asn1.x509.OtherName(
                        new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3"),
                        new org.bouncycastle.asn1.DERUTF8String("user@corp.test"))));

        assertThat(CertificateFacts.of(certificate).subjectAltNames()).containsExactly(
                "URI:https://corp.test/", "DirName:CN=dir,O=Corp", "RID:1.2.3.4", "othername:1.3.6.1.4.1.311.20.2.3");
    }

    @Test
    void unparseableSubjectAltNameGivesNoNamesAndEveryOtherFact() throws Exception {
        // A SEQUENCE that claims 5 bytes but holds a dNSName whose length runs past the end.
        X509Certificate certificate = OddCertificates.withSubjectAltNameBytes(
                new byte[] {0x30, 0x05, (byte) 0x82, 0x10, 'a', 'b', 'c'});
        assertThat(certificate.getExtensionValue("2.5.29.17")).as("the JDK keeps the raw extension").isNotNull();

        CertificateFacts facts = CertificateFacts.of(certificate);

        assertThat(facts.subjectAltNames()).isEmpty();
        assertThat(facts.subject()).isEqualTo("CN=odd.test");
        assertThat(facts.sha256Fingerprint()).isEqualTo(sha256(certificate));
        assertThat(facts.keyType()).isEqualTo("EC");
    }

    @Test
    void hostileSubjectIsKeptVerbatimForTheReportersToEscape() {
        HeldCertificate leaf = HeldCertificate.builder(NOW).commonName("evil\u001b[31m PASS").build();

        assertThat(CertificateFacts.of(leaf.certificate()).subject()).isEqualTo("CN=evil\u001b[31m PASS");
    }

    private static String sha256(X509Certificate certificate) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }
}
