package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;

import org.certcheck.testing.CliRun;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code certcheck inventory} finding certificates, through the real command line: keystores and
 * their passwords, files that cannot be read or hold no certificate (UNKNOWN rows, never an abort),
 * private keys and other files skipped, symbolic links, walk limits and excludes.
 */
class InventoryFilesCliTest extends InventoryTreeFixture {
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
}
