package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates Java's parser refuses are explained by the field at fault, not in the parser's own
 * terms (issue 13): a pathLenConstraint of 2^70 (Java and GnuTLS refuse it, OpenSSL takes it) and a
 * certificate that claims X.509 version 4 (Java said "Extensions not allowed in v2 certificate").
 */
class UnreadableCertificateCliTest {
    private static final String HOST = "web.corp.test";
    private static final BigInteger HUGE = BigInteger.TWO.pow(70);
    private final Instant now = Instant.now();

    @TempDir
    Path temp;

    @Test
    void hugePathLenInTheCaFileIsNamedWithWhoRefusesIt() throws Exception {
        KeyPair rootKey = ecKey();
        byte[] root = sign(rootKey, new X500Name("CN=Huge PathLen Root"), rootKey, true, null);
        byte[] leaf = sign(ecKey(), new X500Name("CN=" + HOST), rootKey, false, "Huge PathLen Root");
        Path rootPem = Files.writeString(temp.resolve("root.pem"), pem(root));
        Path leafPem = Files.writeString(temp.resolve("leaf.pem"), pem(leaf));

        CliRun run = CliRun.run("verify", "--ca", rootPem.toString(), "--name", HOST, leafPem.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(rootPem.toString()).contains("pathLenConstraint " + HUGE)
                .contains("Java and GnuTLS refuse the certificate").doesNotContain("corrupt PEM");

        // The reason given, measured: GnuTLS cannot read the constraint, OpenSSL 3.0 accepts the chain.
        ExternalTool certtool = ExternalTool.require("certtool", "gnutls-bin");
        ExternalTool openssl = ExternalTool.require("openssl", "openssl");
        assertThat(certtool.run("", 30, "--verify", "--load-ca-certificate", rootPem.toString(), "--infile",
                leafPem.toString()).exitCode()).isNotZero();
        assertThat(openssl.run("", 30, "verify", "-CAfile", rootPem.toString(), leafPem.toString()).exitCode()).isZero();
    }

    @Test
    void versionFourLeafIsNamedAsSuch() throws Exception {
        HeldCertificate root = HeldCertificate.builder(now).commonName("Root").certificateAuthority(0).build();
        HeldCertificate leaf = HeldCertificate.builder(now).commonName(HOST).addSubjectAltName(HOST).signedBy(root).build();
        byte[] der = leaf.certificate().getEncoded();
        // The version field [0] EXPLICIT INTEGER 2 (v3) becomes 3 (v4).
        byte[] v3 = {(byte) 0xa0, 0x03, 0x02, 0x01, 0x02};
        int at = indexOf(der, v3);
        der[at + 4] = 0x03;
        Path rootPem = Files.writeString(temp.resolve("root.pem"), root.certificatePem());
        Path leafPem = Files.writeString(temp.resolve("v4.pem"), pem(der));

        CliRun run = CliRun.run("verify", "--ca", rootPem.toString(), "--name", HOST, leafPem.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("v4.pem").contains("claims X.509 version 4")
                .contains("RFC 5280 4.1.2.1 defines versions 1 to 3");
    }

    private byte[] sign(KeyPair subjectKey, X500Name subject, KeyPair issuerKey, boolean ca, String issuerCn)
            throws Exception {
        X500Name issuer = issuerCn == null ? subject : new X500Name("CN=" + issuerCn);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), subject,
                subjectKey.getPublic());
        if (ca) {
            builder.addExtension(Extension.basicConstraints, true,
                    new DERSequence(new ASN1Encodable[] {ASN1Boolean.TRUE, new ASN1Integer(HUGE)}));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, HOST)));
        }
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())).getEncoded();
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no version field");
    }
}
