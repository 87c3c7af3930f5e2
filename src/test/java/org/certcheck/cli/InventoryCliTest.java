package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

import org.certcheck.pki.HeldCertificate;
import org.certcheck.pki.Pem;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.TestPki;
import org.certcheck.tls.Resolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code certcheck inventory}: a directory tree of certificate files and keystores, minted here,
 * judged through the real command line. The tree holds one certificate of each kind (valid,
 * expiring, expired, weak signature, weak key), a PEM bundle, a PKCS#12 and a JKS keystore, a
 * private key, a file that is not a certificate, a hash link and a symbolic link loop.
 */
class InventoryCliTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final TestPki pki = new TestPki(NOW);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final HeldCertificate web = pki.leaf("web.corp.test").build();

    @TempDir
    Path temp;

    private Path tree;
    private Path certs;
    private Path keystores;
    private String privateKeyBase64;

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

    @Test
    void aDirectoryTreeGivesOneRowPerCertificateNamedByWhereItWasFound() {
        CliRun run = inventory("-o", "json", "--password", "secret", tree.toString());

        assertThat(statuses(run).keySet()).as(run.out()).containsExactlyInAnyOrder(
                path(certs, "bundle.pem#1"), path(certs, "bundle.pem#2"), path(certs, "expired.pem"),
                path(certs, "expiring.der"), path(certs, "valid.pem"), path(certs, "weak/rsa1024.pem"),
                path(certs, "weak/sha1.pem"), path(keystores, "app.p12:web"), path(keystores, "trust.jks:corp-root"),
                path(keystores, "trust.jks:corp-issuing"));
        assertThat(run.json().get("trust").asText()).contains("no --ca");
    }

    @Test
    void expiredExpiringWeakAndValidCertificatesAreJudgedOnTheirOwn() {
        CliRun run = inventory("-o", "json", "--password", "secret", tree.toString());
        Map<String, String> status = statuses(run);

        assertThat(status.get(path(certs, "valid.pem"))).isEqualTo("PASS");
        assertThat(codes(run, path(certs, "valid.pem"))).as("no chain needed without --ca").isEmpty();
        assertThat(codes(run, path(certs, "expired.pem"))).containsExactly("cert.expired");
        assertThat(codes(run, path(certs, "expiring.der"))).containsExactly("cert.expires-soon");
        assertThat(status.get(path(certs, "expiring.der"))).isEqualTo("WARN");
        assertThat(codes(run, path(certs, "weak/sha1.pem"))).containsExactly("cert.weak-signature");
        assertThat(codes(run, path(certs, "weak/rsa1024.pem"))).containsExactly("cert.weak-key");
        assertThat(run.target(path(certs, "expired.pem")).get("daysLeft").asInt()).isEqualTo(-3);
        assertThat(run.target(path(certs, "expired.pem")).get("origin").asText()).isEqualTo(path(certs, "expired.pem"));
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void caCertificatesAreJudgedAsCasNotAsServerCertificates() {
        CliRun run = inventory("-o", "json", tree.toString());

        assertThat(statuses(run)).containsEntry(path(certs, "bundle.pem#1"), "PASS")
                .containsEntry(path(certs, "bundle.pem#2"), "PASS")
                .containsEntry(path(keystores, "trust.jks:corp-root"), "PASS");
    }

    @Test
    void aSelfSignedRootIsNotFailedForItsOwnSha1SignatureButAnIntermediateIs() throws Exception {
        HeldCertificate oldRoot = HeldCertificate.builder(NOW).commonName("Old Root CA").certificateAuthority(1)
                .signatureAlgorithm("SHA1withECDSA").build();
        HeldCertificate oldIssuing = HeldCertificate.builder(NOW).commonName("Old Issuing CA").certificateAuthority(0)
                .signatureAlgorithm("SHA1withECDSA").signedBy(oldRoot).build();
        Path root = Files.writeString(temp.resolve("old-root.pem"), oldRoot.certificatePem());
        Path issuing = Files.writeString(temp.resolve("old-issuing.pem"), oldIssuing.certificatePem());

        CliRun run = inventory("-o", "json", root.toString(), issuing.toString());

        assertThat(codes(run, root.toString())).isEmpty();
        assertThat(codes(run, issuing.toString())).containsExactly("cert.weak-signature");
    }

    @Test
    void aDerPrivateKeyIsSkippedEvenUnderACertificateName() throws Exception {
        Files.write(certs.resolve("private/web-key.der"), web.privateKey().getEncoded());

        CliRun run = inventory("-o", "json", "-v", certs.resolve("private").toString(),
                certs.resolve("valid.pem").toString());

        assertThat(statuses(run)).containsOnlyKeys(path(certs, "valid.pem"));
        assertThat(run.err()).contains("skipped " + certs.resolve("private/web-key.der") + ": only a private key");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aJceksKeystoreIsRead() throws Exception {
        KeyStore jceks = KeyStore.getInstance("JCEKS");
        jceks.load(null, null);
        jceks.setKeyEntry("web", web.privateKey(), "pw".toCharArray(),
                new Certificate[] {web.certificate(), pki.intermediate.certificate()});
        Path file = keystores.resolve("app.jceks");
        try (OutputStream out = Files.newOutputStream(file)) {
            jceks.store(out, "pw".toCharArray());
        }

        CliRun run = inventory("-o", "json", file.toString());

        assertThat(statuses(run)).containsExactly(Map.entry(file + ":web", "PASS"));
    }

    @Test
    void allValidCertificatesExitZeroAndWarningsPassUnlessFailOnWarn() throws Exception {
        Path good = Files.createDirectories(temp.resolve("good"));
        Files.copy(certs.resolve("valid.pem"), good.resolve("valid.pem"));
        Files.copy(certs.resolve("expiring.der"), good.resolve("expiring.der"));

        assertThat(inventory(good.toString()).exitCode()).isZero();
        assertThat(inventory("--fail-on", "warn", good.toString()).exitCode()).isEqualTo(1);
        assertThat(inventory("--warn-days", "10", good.toString()).out()).doesNotContain("WARN");
    }

    @Test
    void aLifetimeThresholdWarnsAboutAShortLivedCertificate() throws Exception {
        Path file = Files.writeString(temp.resolve("short.pem"), pki.leaf("short.corp.test")
                .validFor(Duration.ofDays(-6), Duration.ofDays(10)).build().certificatePem());

        CliRun run = inventory("-o", "json", "--warn-days", "0", "--crit-days", "0", "--warn-lifetime", "50",
                file.toString());

        assertThat(codes(run, file.toString())).containsExactly("cert.expires-soon");
        assertThat(run.target(file.toString()).get("findings").get(0).get("message").asText())
                .contains("40% of its lifetime left");
    }

    @Test
    void aWrongKeystorePasswordIsAnUnknownRowNamingTheFileAndTheRunGoesOn() throws Exception {
        Path only = Files.createDirectories(temp.resolve("only"));
        Files.copy(keystores.resolve("app.p12"), only.resolve("app.p12"));
        Files.copy(certs.resolve("valid.pem"), only.resolve("valid.pem"));

        CliRun run = inventory("-o", "json", "--password", "not-the-password", only.toString());
        JsonNode row = run.target(only.resolve("app.p12").toString());

        assertThat(row.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(row.get("findings").findValuesAsText("code")).containsExactly("file.wrong-password");
        assertThat(row.get("findings").get(0).get("message").asText()).startsWith(only.resolve("app.p12") + ": ")
                .contains("--password").doesNotContain("not-the-password");
        assertThat(statuses(run)).containsEntry(only.resolve("valid.pem").toString(), "PASS");
        assertThat(run.exitCode()).as("unchecked, none failed").isEqualTo(3);
    }

    @Test
    void aPasswordFromAPasswordFileOpensTheKeystore() throws Exception {
        Path passwords = Files.writeString(temp.resolve("passwords.txt"), "first-guess\nsecret\n");

        CliRun run = inventory("-o", "json", "--password-file", passwords.toString(),
                keystores.resolve("app.p12").toString());

        JsonNode row = run.target(path(keystores, "app.p12:web"));
        assertThat(row.get("status").asText()).as(run.out()).isEqualTo("PASS");
        assertThat(row.get("certificate").get("subject").asText()).isEqualTo("CN=web.corp.test");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aPkcs12KeystoreWithAnEmptyPasswordOpensWithoutOne() throws Exception {
        Path p12 = temp.resolve("empty-password.p12");
        writePkcs12(p12, "");

        CliRun run = inventory("-o", "json", p12.toString());

        assertThat(statuses(run)).containsExactly(Map.entry(p12 + ":web", "PASS"));
    }

    @Test
    void aJksKeystoreListsItsCertificatesEvenWithoutItsPassword() {
        CliRun run = inventory("-o", "json", keystores.resolve("trust.jks").toString());

        assertThat(statuses(run)).containsOnlyKeys(path(keystores, "trust.jks:corp-root"),
                path(keystores, "trust.jks:corp-issuing"));
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aGarbageFileNamedLikeACertificateIsAnUnknownRow() throws Exception {
        Path garbage = Files.write(tree.resolve("garbage.pem"), new byte[] {1, 2, 3, 'x', 'y', 'z'});

        CliRun run = inventory("-o", "json", "--password", "secret", tree.toString());
        JsonNode row = run.target(garbage.toString());

        assertThat(row.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(row.get("findings").findValuesAsText("code")).containsExactly("file.malformed");
        assertThat(row.get("findings").get(0).get("message").asText()).startsWith(garbage + ": ");
        assertThat(run.exitCode()).as("a certificate failed too: failure wins").isEqualTo(1);
    }

    @Test
    void aGarbageFileAloneGivesExitThree() throws Exception {
        Path garbage = Files.writeString(temp.resolve("server.crt"), "-----BEGIN CERTIFICATE-----\n!!!\n"
                + "-----END CERTIFICATE-----\n");

        CliRun run = inventory(garbage.toString());

        assertThat(run.out()).contains("UNKNOWN").contains(garbage.getFileName().toString());
        assertThat(run.exitCode()).isEqualTo(3);
    }

    @Test
    void aNamedFileWithoutCertificatesIsAnUnknownRow() {
        Path dhparam = certs.resolve("dhparam.pem");

        CliRun run = inventory("-o", "json", dhparam.toString(), certs.resolve("valid.pem").toString());

        assertThat(codes(run, dhparam.toString())).containsExactly("file.malformed");
        assertThat(run.exitCode()).isEqualTo(3);
    }

    @Test
    void aBrokenSymbolicLinkIsAnUnknownRow() throws Exception {
        Path link = Files.createSymbolicLink(certs.resolve("gone.pem"), Path.of("renewed-and-deleted.pem"));

        CliRun run = inventory("-o", "json", certs.toString());

        JsonNode row = run.target(link.toString());
        assertThat(row.get("findings").findValuesAsText("code")).containsExactly("file.unreadable");
        assertThat(row.get("findings").get(0).get("message").asText()).contains("broken symbolic link")
                .contains("renewed-and-deleted.pem");
    }

    @Test
    void anUnreadableFileIsAnUnknownRow() throws Exception {
        Path locked = Files.writeString(temp.resolve("locked.pem"), web.certificatePem());
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running as root: file permissions do not stop reading");

        CliRun run = inventory("-o", "json", locked.toString());

        assertThat(run.target(locked.toString()).get("findings").get(0).get("message").asText())
                .contains("permission denied");
        assertThat(run.exitCode()).isEqualTo(3);
    }

    @Test
    void aMissingPathIsAnUnknownRowNotAnAbort() {
        Path missing = temp.resolve("no-such-dir");

        CliRun run = inventory("-o", "json", missing.toString(), certs.resolve("valid.pem").toString());

        assertThat(statuses(run)).containsEntry(missing.toString(), "UNKNOWN")
                .containsEntry(path(certs, "valid.pem"), "PASS");
        assertThat(run.exitCode()).isEqualTo(3);
    }

    @Test
    void privateKeysAndOtherFilesAreSkippedQuietlyAndListedWithV() {
        CliRun quiet = inventory("--password", "secret", tree.toString());
        CliRun verbose = inventory("-v", "--password", "secret", tree.toString());

        assertThat(quiet.err()).isEmpty();
        assertThat(verbose.err()).contains("skipped " + certs.resolve("private/web.pem") + ": only a private key")
                .contains("skipped " + certs.resolve("README.txt"))
                .contains("skipped " + certs.resolve("HOWTO.md") + ": " + certs.resolve("HOWTO.md"))
                .contains("skipped " + certs.resolve("dhparam.pem") + ": no certificate, only PEM DH PARAMETERS")
                .contains("skipped " + certs.resolve("0a1b2c3d.0") + ": the same file as " + certs.resolve("valid.pem"))
                .contains("skipped " + certs.resolve("weak/loop") + ": the same directory as " + certs
                        + " (a symbolic link loop)");
        for (CliRun run : List.of(quiet, verbose)) {
            assertThat(run.out() + run.err()).doesNotContain(privateKeyBase64).doesNotContain("PRIVATE KEY");
        }
    }

    @Test
    void withCaEachCertificateMustReachItAlongTheCertificatesOfItsOwnFile() throws Exception {
        Path root = Files.writeString(temp.resolve("corp-root.pem"), pki.root.certificatePem());

        CliRun run = inventory("-o", "json", "--ca", root.toString(), "--password", "secret", tree.toString());

        JsonNode keystoreLeaf = run.target(path(keystores, "app.p12:web"));
        assertThat(keystoreLeaf.get("status").asText()).as(run.out()).isEqualTo("PASS");
        assertThat(keystoreLeaf.get("anchor").asText()).isEqualTo("CN=Test Root CA,O=Test Corp");
        assertThat(codes(run, path(certs, "valid.pem"))).as("its issuer is not in valid.pem")
                .containsExactly("chain.incomplete");
        assertThat(statuses(run)).containsEntry(path(certs, "bundle.pem#1"), "PASS")
                .containsEntry(path(keystores, "trust.jks:corp-issuing"), "PASS");
    }

    @Test
    void withCaAForeignRootIsUntrusted() throws Exception {
        Path root = Files.writeString(temp.resolve("corp-root.pem"), pki.root.certificatePem());
        Path other = Files.writeString(temp.resolve("other-root.pem"), TestPki.otherRoot(NOW).certificatePem());

        CliRun run = inventory("-o", "json", "--ca", root.toString(), other.toString());

        assertThat(codes(run, other.toString())).containsExactly("chain.self-signed");
    }

    @Test
    void theWalkStopsAtMaxFilesWithAnUnknownRowSayingWhere() throws Exception {
        Path three = Files.createDirectories(temp.resolve("three"));
        for (String name : List.of("a.pem", "b.pem", "c.pem")) {
            Files.writeString(three.resolve(name), web.certificatePem());
        }

        CliRun run = inventory("-o", "json", "--max-files", "2", three.toString());

        assertThat(statuses(run)).containsExactly(Map.entry(three + "/a.pem", "PASS"),
                Map.entry(three + "/b.pem", "PASS"), Map.entry(three + "/c.pem", "UNKNOWN"));
        assertThat(codes(run, three + "/c.pem")).containsExactly("file.walk-limit");
        assertThat(run.target(three + "/c.pem").get("findings").get(0).get("message").asText())
                .contains("--max-files");
        assertThat(run.exitCode()).isEqualTo(3);
    }

    @Test
    void maxDepthOneReadsOnlyTheFilesDirectlyInside() {
        CliRun run = inventory("-o", "json", "--max-depth", "1", certs.toString());

        assertThat(statuses(run)).doesNotContainKey(path(certs, "weak/sha1.pem"))
                .containsEntry(path(certs, "weak"), "UNKNOWN");
        assertThat(codes(run, path(certs, "weak"))).containsExactly("file.walk-limit");
    }

    @Test
    void excludedPathsAreLeftOut() {
        CliRun run = inventory("-o", "json", "--exclude", "weak", "--exclude", "*.der", certs.toString());

        assertThat(statuses(run)).doesNotContainKeys(path(certs, "weak/sha1.pem"), path(certs, "expiring.der"))
                .containsKey(path(certs, "valid.pem"));
    }

    @Test
    void theTableHasOneRowPerCertificateAndTheSummary() {
        CliRun run = inventory("--password", "secret", keystores.toString());

        assertThat(run.out().lines().filter(line -> line.contains("app.p12:web") && line.contains("PASS")))
                .hasSize(1);
        assertThat(run.out()).contains("3 checked: 3 pass, 0 warn, 0 fail, 0 unknown");
    }

    @Test
    void nothingFoundIsAUsageError() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "nothing here");

        CliRun run = inventory(empty.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no certificate found in " + empty).contains("1 file(s) skipped");
    }

    @Test
    void aPinIsAUsageErrorBecauseAnInventoryHasNoServers() {
        CliRun run = inventory("--pin", "sha256/" + "A".repeat(43) + "=", certs.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--pin");
    }

    private CliRun inventory(String... args) {
        List<String> all = new ArrayList<>(List.of("inventory"));
        all.addAll(List.of(args));
        return CliRun.run(clock, Resolver.SYSTEM, all.toArray(String[]::new));
    }

    private void writePkcs12(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("web", web.privateKey(), password.toCharArray(),
                new Certificate[] {web.certificate(), pki.intermediate.certificate()});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }

    private static String path(Path directory, String rest) {
        return directory + "/" + rest;
    }

    private static Map<String, String> statuses(CliRun run) {
        Map<String, String> statuses = new LinkedHashMap<>();
        run.json().get("targets").forEach(t -> statuses.put(t.get("target").asText(), t.get("status").asText()));
        return statuses;
    }

    private static List<String> codes(CliRun run, String target) {
        return run.target(target).get("findings").findValuesAsText("code");
    }
}
