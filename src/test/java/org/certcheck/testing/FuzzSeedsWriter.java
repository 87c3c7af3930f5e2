package org.certcheck.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.pki.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the seed inputs of the fuzz tests into {@code src/test/resources}: real host lists, CA
 * files and certificate chains with many kinds of defect, from which the fuzzer mutates. The seeds
 * are checked in, so this runs only when asked:
 * {@code mvn -o test -Dtest=FuzzSeedsWriter -Dcertcheck.writeFuzzSeeds=true}. Inputs the fuzzer
 * found (files named {@code crash-...}) live beside them and are never touched here.
 */
@EnabledIfSystemProperty(named = "certcheck.writeFuzzSeeds", matches = "true")
class FuzzSeedsWriter {
    private static final Path RESOURCES = Path.of("src/test/resources/org/certcheck");
    /** ValidatorFuzzTest.NOW: the seed chains are valid around it. */
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void writeHostListSeeds() throws IOException {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("example", Files.readAllBytes(Path.of("hosts.example.txt")));
        seeds.put("accepted-forms", utf8(String.join("\n", "web", "web:8443", "WEB.Example.COM.", "my_host.corp",
                "https://web:8443/any/path?q=1#frag", "HTTPS://Web/", "https:8443", "10.0.0.1:8443",
                "[::1]:8443", "https://[2001:db8::1]:8443/", "2001:DB8::A", "[::ffff:10.0.0.1]",
                "bücher.example", "xn--bcher-kva.example  # comment", "\u3000web\u3000")));
        seeds.put("rejected-forms", utf8(String.join("\n", "web:99999", "web:0", "web:abc", "web:-1",
                "https:web", "http://web", "smtp://mail", "https://", "user@web", "[::1", "::1]:443", "web[1]",
                "[::1]]", "[::1]8443", "[]", "[10.0.0.1]", "1:2:3:4:5:6:7:8:443", "fe80::1%eth0", "web:80:90",
                "999.1.1.1", "010.0.0.1", "a..b", "-web", "web#1", "*.example.com", "a".repeat(64) + ".x",
                "web\u001b[2J", "xn--zz", "\u0661\u0662.example")));
        seeds.put("bom-crlf", bytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                utf8("web\r\nmail:8443\rldap\n")));
        seeds.put("nul", bytes(utf8("web\n"), new byte[] {0, 1, 2}, utf8("\nmail\n")));
        seeds.put("latin1", "web\nbücher.example\n".getBytes(StandardCharsets.ISO_8859_1));
        seeds.put("long-line", utf8("web\n" + "x".repeat(5000) + "\nmail\n"));
        write("input/HostListFuzzTestInputs/anyBytesGiveEntriesOrAReasonNamingTheInput", seeds);
    }

    @Test
    void writeCaFileSeeds() throws Exception {
        TestPki pki = new TestPki(NOW);
        HeldCertificate rsaRoot = HeldCertificate.builder(NOW).commonName("RSA Root").rsa(2048)
                .certificateAuthority(-1).build();
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("root.pem", utf8(pki.root.certificatePem()));
        seeds.put("bundle.pem", utf8("subject=CN=Test Root CA\n" + pki.root.certificatePem() + "\n# next\n"
                + pki.intermediate.certificatePem() + rsaRoot.certificatePem()));
        seeds.put("root.der", pki.root.certificate().getEncoded());
        seeds.put("trusted.pem", utf8(pki.root.certificatePem().replace("CERTIFICATE", "TRUSTED CERTIFICATE")));
        seeds.put("x509.pem", utf8(pki.root.certificatePem().replace("CERTIFICATE", "X509 CERTIFICATE")));
        seeds.put("with-key.pem", utf8(pki.root.certificatePem() + Pem.encode(pki.root.privateKey())));
        seeds.put("rsa-key.pem", utf8(Pem.encode(rsaRoot.privateKey()).replace("PRIVATE KEY", "RSA PRIVATE KEY")));
        seeds.put("key.der", rsaRoot.privateKey().getEncoded());
        seeds.put("openssh.pem", utf8("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
                + "-----END OPENSSH PRIVATE KEY-----\n"));
        seeds.put("public-key.pem", utf8(Pem.encode(rsaRoot.keyPair().getPublic())));
        seeds.put("bad-base64.pem", utf8("-----BEGIN CERTIFICATE-----\nMII*not*base64\n-----END CERTIFICATE-----\n"));
        seeds.put("no-end.pem", utf8(pki.root.certificatePem().replace("-----END CERTIFICATE-----", "")));
        byte[] der = pki.root.certificate().getEncoded();
        seeds.put("truncated.der", Arrays.copyOf(der, der.length / 2));
        seeds.put("text.txt", utf8("Put the corporate CA certificates here.\n"));
        write("trust/CaFileFuzzTestInputs/anyBytesGiveCertificatesOrAReasonNamingTheFile", seeds);
    }

    @Test
    void writeChainSeeds() throws Exception {
        TestPki pki = new TestPki(NOW);
        HeldCertificate root = pki.root;
        HeldCertificate issuing = pki.intermediate;
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        HeldCertificate good = pki.leaf("good.test").addSubjectAltName("*.intranet.test").build();
        seeds.put("good", chain(0, true, good, issuing, root));
        seeds.put("good-reversed-with-duplicates", chain(1, true, good, root, issuing, issuing, root));
        seeds.put("incomplete", chain(0, true, good, root));
        seeds.put("untrusted", chain(0, false, good, issuing, root));
        seeds.put("self-signed", chain(0, false, HeldCertificate.builder(NOW).commonName("good.test")
                .addSubjectAltName("good.test").build()));
        seeds.put("expired", chain(0, true, pki.leaf("good.test").validFor(Duration.ofDays(-100), Duration.ofDays(30))
                .build(), issuing, root));
        seeds.put("ip", chain(2, true, pki.leaf("ip").addIpAddress("10.0.0.1").addIpAddress("2001:db8::1")
                .addEmail("ops@intranet.test").build(), issuing, root));
        seeds.put("ipv6", chain(3, true, pki.leaf("ip6").addIpAddress("::ffff:10.0.0.1").build(), issuing, root));
        HeldCertificate constrained = HeldCertificate.builder(NOW).commonName("Constrained CA").certificateAuthority(0)
                .permitDnsSubtree("intranet.test").excludeIpSubtree("10.0.0.0/8").signedBy(root).build();
        seeds.put("name-constraints", chain(1, true, HeldCertificate.builder(NOW).commonName("www.intranet.test")
                .addSubjectAltName("www.intranet.test").addSubjectAltName("www.elsewhere.test")
                .addIpAddress("10.1.2.3").signedBy(constrained).build(), constrained, root));
        seeds.put("raw-name-constraints", chain(0, true, pki.leaf("good.test").build(), HeldCertificate.builder(NOW)
                .commonName("Test Issuing CA").organization("Test Corp").certificateAuthority(0)
                .rawNameConstraintsExtension(new byte[] {0x30, 0x04, (byte) 0xa0, 0x00, (byte) 0xa1, 0x00})
                .signedBy(root).build(), root));
        seeds.put("unreadable-san", chain(0, true, pki.leaf("good.test")
                .rawSubjectAltNameExtension(new byte[] {0x30, 0x03, (byte) 0x82, 0x05, 'x'}).build(), issuing, root));
        seeds.put("critical-extension", chain(0, true, pki.leaf("good.test")
                .addUnknownCriticalExtension("1.3.6.1.4.1.55555.1").criticalSubjectAltNames().build(), issuing, root));
        seeds.put("hostile-names", chain(1, true, pki.leaf("evil\u001b[2J\u202e").addNonAsciiSubjectAltName("\u212aelvin.test")
                .addSubjectAltName("w*.intranet.test").addSubjectAltName("*").build(), issuing, root));
        seeds.put("client-only", chain(0, true, pki.leaf("good.test").extendedKeyUsage(KeyPurposeId.id_kp_clientAuth)
                .keyUsage(KeyUsage.digitalSignature).build(), issuing, root));
        HeldCertificate tightRoot = HeldCertificate.builder(NOW).commonName("Tight Root").certificateAuthority(0).build();
        HeldCertificate first = HeldCertificate.builder(NOW).commonName("First CA").certificateAuthority(-1)
                .signedBy(tightRoot).build();
        HeldCertificate second = HeldCertificate.builder(NOW).commonName("Second CA").certificateAuthority(-1)
                .keyUsage(KeyUsage.digitalSignature).signedBy(first).build();
        seeds.put("path-length", chain(0, true, HeldCertificate.builder(NOW).commonName("good.test")
                .addSubjectAltName("good.test").signedBy(second).build(), second, first, tightRoot));
        HeldCertificate impostor = HeldCertificate.builder(NOW).organization("Test Corp").commonName("Test Issuing CA")
                .certificateAuthority(0).build();
        seeds.put("bad-signature", chain(0, true, HeldCertificate.builder(NOW).commonName("good.test")
                .addSubjectAltName("good.test").signedBy(impostor).build(), issuing, root));
        HeldCertificate rsaRoot = HeldCertificate.builder(NOW).commonName("RSA Root").rsa(2048)
                .certificateAuthority(-1).build();
        seeds.put("rsa", chain(0, true, HeldCertificate.builder(NOW).commonName("good.test").rsa(2048)
                .addSubjectAltName("good.test").signedBy(rsaRoot).build(), rsaRoot));
        KeyPairGenerator ed25519 = KeyPairGenerator.getInstance("Ed25519");
        HeldCertificate edRoot = HeldCertificate.builder(NOW).commonName("Ed Root").keyPair(ed25519.generateKeyPair())
                .signatureAlgorithm("Ed25519").certificateAuthority(-1).build();
        seeds.put("ed25519", chain(0, true, HeldCertificate.builder(NOW).commonName("good.test")
                .keyPair(ed25519.generateKeyPair()).signatureAlgorithm("Ed25519").addSubjectAltName("good.test")
                .signedBy(edRoot).build(), edRoot));
        List<HeldCertificate> deep = new ArrayList<>();
        HeldCertificate parent = HeldCertificate.builder(NOW).commonName("Deep Root").certificateAuthority(-1).build();
        HeldCertificate deepRoot = parent;
        for (int i = 0; i < 9; i++) {
            parent = HeldCertificate.builder(NOW).commonName("Deep CA " + i).certificateAuthority(-1)
                    .signedBy(parent).build();
            deep.add(0, parent);
        }
        deep.add(0, HeldCertificate.builder(NOW).commonName("good.test").addSubjectAltName("good.test")
                .signedBy(parent).build());
        deep.add(deepRoot);
        seeds.put("deep", chain(0, true, deep.toArray(HeldCertificate[]::new)));
        write("validate/ValidatorFuzzTestInputs/anyChainIsJudgedAndReportedWithoutAnException", seeds);
    }

    private static byte[] chain(int target, boolean lastIsAnchor, HeldCertificate... certificates) throws Exception {
        List<byte[]> encoded = new ArrayList<>();
        for (HeldCertificate certificate : certificates) {
            encoded.add(certificate.certificate().getEncoded());
        }
        return new ChainInput(target | (lastIsAnchor ? ChainInput.LAST_IS_ANCHOR : 0), encoded).encode();
    }

    private static void write(String directory, Map<String, byte[]> seeds) throws IOException {
        Path dir = Files.createDirectories(RESOURCES.resolve(directory));
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            Files.write(dir.resolve("seed-" + seed.getKey()), seed.getValue());
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
