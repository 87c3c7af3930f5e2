package org.certcheck.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.pki.Pem;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory tree that {@code certcheck inventory} is tried on, minted per test: under
 * {@code certs/} one certificate of each kind (valid, expiring in DER, expired, SHA-1 signed, RSA
 * 1024 in {@code weak/}), a PEM bundle of the CA certificates, a private key in {@code private/},
 * a README, a HOWTO quoting a PEM header, DH parameters, a hash link and a symbolic link loop; under
 * {@code keystores/} a PKCS#12 keystore (password "secret") and a JKS truststore.
 */
abstract class InventoryTreeFixture {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    final TestPki pki = new TestPki(NOW);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final HeldCertificate web = pki.leaf("web.corp.test").build();

    @TempDir
    Path temp;

    Path tree;
    Path certs;
    Path keystores;
    /** The start of the private key's encoding, which no output may contain. */
    String privateKeyBase64;

    @BeforeEach
    void writeTree() throws Exception {
        tree = Files.createDirectories(temp.resolve("tree"));
        certs = Files.createDirectories(tree.resolve("certs"));
        keystores = Files.createDirectories(tree.resolve("keystores"));
        Files.writeString(certs.resolve("valid.pem"), web.certificatePem());
        Files.writeString(certs.resolve("expired.pem"), pki.leaf("old.corp.test")
                .validity(NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(3))).build().certificatePem());
        Files.write(certs.resolve("expiring.der"), pki.leaf("soon.corp.test")
                .validFor(Duration.ofDays(-80), Duration.ofDays(100)).build().certificate().getEncoded());
        Path weak = Files.createDirectories(certs.resolve("weak"));
        Files.writeString(weak.resolve("sha1.pem"), pki.leaf("sha1.corp.test").signatureAlgorithm("SHA1withECDSA")
                .build().certificatePem());
        Files.writeString(weak.resolve("rsa1024.pem"), pki.leaf("small.corp.test").rsa(1024).build().certificatePem());
        Files.writeString(certs.resolve("bundle.pem"), pki.intermediate.certificatePem() + pki.root.certificatePem());
        Path keys = Files.createDirectories(certs.resolve("private"));
        String keyPem = Pem.encode(web.privateKey());
        privateKeyBase64 = Base64.getEncoder().encodeToString(web.privateKey().getEncoded()).substring(0, 40);
        Files.writeString(keys.resolve("web.pem"), keyPem);
        Files.writeString(certs.resolve("README.txt"), "certificates for the web servers\n");
        Files.writeString(certs.resolve("HOWTO.md"), "Paste it as\n-----BEGIN CERTIFICATE-----\n(base64)\n"
                + "-----END CERTIFICATE-----\n");
        Files.writeString(certs.resolve("dhparam.pem"), "-----BEGIN DH PARAMETERS-----\nMAYCAQI=\n"
                + "-----END DH PARAMETERS-----\n");
        Files.createSymbolicLink(certs.resolve("0a1b2c3d.0"), Path.of("valid.pem"));
        Files.createSymbolicLink(weak.resolve("loop"), Path.of(".."));

        writePkcs12(keystores.resolve("app.p12"), "secret");
        KeyStore jks = KeyStore.getInstance("JKS");
        jks.load(null, null);
        jks.setCertificateEntry("corp-root", pki.root.certificate());
        jks.setCertificateEntry("corp-issuing", pki.intermediate.certificate());
        try (OutputStream out = Files.newOutputStream(keystores.resolve("trust.jks"))) {
            jks.store(out, "storepass".toCharArray());
        }
    }

    CliRun inventory(String... args) {
        List<String> all = new ArrayList<>(List.of("inventory"));
        all.addAll(List.of(args));
        return CliRun.run(clock, Resolver.SYSTEM, all.toArray(String[]::new));
    }

    void writePkcs12(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("web", web.privateKey(), password.toCharArray(),
                new Certificate[] {web.certificate(), pki.intermediate.certificate()});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }

    static String path(Path directory, String rest) {
        return directory + "/" + rest;
    }

    static Map<String, String> statuses(CliRun run) {
        Map<String, String> statuses = new LinkedHashMap<>();
        run.json().get("targets").forEach(t -> statuses.put(t.get("target").asText(), t.get("status").asText()));
        return statuses;
    }

    static List<String> codes(CliRun run, String target) {
        return run.target(target).get("findings").findValuesAsText("code");
    }
}
