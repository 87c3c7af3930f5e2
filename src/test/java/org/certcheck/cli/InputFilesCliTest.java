package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.certcheck.pki.CrlBuilder;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.ExternalTool;
import org.certcheck.testing.SmallFleet;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file input is bounded and every key loads or says why (issue 14, items 8 and 15): a device
 * that never ends is a usage error naming the file and the limit, not an OutOfMemoryError; an
 * OpenSSL 3 encrypted key loads with its password and a wrong one is a sentence, not a JDK text;
 * a UTF-8 byte order mark before a PEM block is accepted.
 */
class InputFilesCliTest {
    private static final Path URANDOM = Path.of("/dev/urandom");
    private static final String BOM = "\uFEFF";

    @TempDir
    static Path temp;
    @TempDir
    Path files;

    private static SmallFleet fleet;
    private static ExternalTool openssl;

    @BeforeAll
    static void startFleet() throws IOException {
        fleet = SmallFleet.start(temp);
        openssl = ExternalTool.require("openssl", "openssl");
    }

    @AfterAll
    static void stopFleet() throws IOException {
        fleet.close();
    }

    @Test
    void aCrlFromAnEndlessDeviceIsAUsageErrorNamingTheFileAndTheLimit() {
        CliRun run = fleet.runOn(List.of(fleet.good), "--crl", URANDOM.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--crl /dev/urandom: larger than 256 MiB").doesNotContain("OutOfMemory");
    }

    @Test
    void anAnchorClientCertificateOrKeyFromAnEndlessDeviceIsAUsageErrorNamingTheLimit() throws Exception {
        Path cert = clientCertificate();

        CliRun anchor = fleet.runOn(List.of(fleet.good), "--anchor", URANDOM.toString());
        CliRun clientCert = fleet.runOn(List.of(fleet.good), "--client-cert", URANDOM.toString());
        CliRun clientKey = fleet.runOn(List.of(fleet.good), "--client-cert", cert.toString(),
                "--client-key", URANDOM.toString());
        CliRun p12 = fleet.runOn(List.of(fleet.good), "--client-p12", URANDOM.toString());

        assertThat(anchor.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(anchor.err()).contains("--anchor /dev/urandom: larger than 16 MiB");
        for (CliRun run : List.of(clientCert, clientKey, p12)) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("/dev/urandom: larger than 1 MiB");
        }
    }

    @Test
    void aCaFromAPipeIsReadAndAnEndlessOneIsBounded() throws Exception {
        CliRun endless = fleet.runOn(List.of(fleet.good), "--ca", URANDOM.toString());

        assertThat(endless.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(endless.err()).contains("/dev/urandom", "larger than 16 MiB");
    }

    @Test
    void anOpenSsl3EncryptedPkcs8KeyLoadsWithTheRightPassword() throws Exception {
        Path cert = clientCertificate();
        Path key = files.resolve("key.pem");
        openssl.run("", 30, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", files.resolve("plain-key.pem").toString(),
                "-out", key.toString(), "-passout", "pass:s3cret");
        assertThat(Files.readString(key)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        CliRun right = fleet.runWith(Map.of("NO_COLOR", "1", "CERTCHECK_CLIENT_PASSWORD", "s3cret"),
                List.of(fleet.good), "--client-cert", cert.toString(), "--client-key", key.toString());
        CliRun wrong = fleet.runWith(Map.of("NO_COLOR", "1", "CERTCHECK_CLIENT_PASSWORD", "guess"),
                List.of(fleet.good), "--client-cert", cert.toString(), "--client-key", key.toString());

        assertThat(right.exitCode()).as(right.err()).isEqualTo(ExitCode.OK);
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(wrong.err()).contains("wrong password for the encrypted key in " + key)
                .doesNotContain("Tag mismatch", "padded", "Exception", "unable to");
    }

    @Test
    void anOpenSsl3GenpkeyEncryptedRsaKeyLoadsToo() throws Exception {
        Path key = files.resolve("rsa-key.pem");
        openssl.run("", 60, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-aes-256-cbc",
                "-pass", "pass:s3cret", "-out", key.toString());
        Path cert = files.resolve("rsa-cert.pem");
        openssl.run("", 30, "req", "-x509", "-key", key.toString(), "-passin", "pass:s3cret", "-subj", "/CN=client",
                "-days", "30", "-out", cert.toString());

        CliRun run = fleet.runWith(Map.of("NO_COLOR", "1", "CERTCHECK_CLIENT_PASSWORD", "s3cret"),
                List.of(fleet.good), "--client-cert", cert.toString(), "--client-key", key.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aByteOrderMarkBeforeAPemBlockIsAcceptedEverywhere() throws Exception {
        Path ca = Files.writeString(files.resolve("ca-bom.pem"), BOM + Files.readString(fleet.caFile));
        Path cert = clientCertificate();
        Path certBom = Files.writeString(files.resolve("cert-bom.pem"), BOM + Files.readString(cert));
        Path keyBom = Files.writeString(files.resolve("key-bom.pem"),
                BOM + Files.readString(files.resolve("plain-key.pem")));
        Path crl = Files.writeString(files.resolve("crl-bom.pem"), BOM + crlPem());

        CliRun check = fleet.runOn(List.of(fleet.good), "--ca", ca.toString(), "--anchor", ca.toString(),
                "--client-cert", certBom.toString(), "--client-key", keyBom.toString(), "--crl", crl.toString());
        CliRun verify = CliRun.run("verify", "--ca", ca.toString(), ca.toString());
        Path tree = Files.createDirectories(files.resolve("tree"));
        Files.copy(ca, tree.resolve("unnamed-ca"));
        CliRun inventory = CliRun.run("inventory", "-o", "json", ca.toString(), tree.toString());

        assertThat(check.exitCode()).as(check.err()).isEqualTo(ExitCode.OK);
        assertThat(verify.exitCode()).as(verify.err()).isNotEqualTo(ExitCode.USAGE);
        assertThat(inventory.json().get("targets")).as(inventory.out()).hasSize(2)
                .allSatisfy(row -> assertThat(row.get("status").asText()).isEqualTo("PASS"));
    }

    /** A self-signed client certificate and its unencrypted key (plain-key.pem), made by openssl. */
    private Path clientCertificate() throws Exception {
        Path cert = files.resolve("cert.pem");
        if (!Files.exists(cert)) {
            openssl.run("", 30, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", files.resolve("plain-key.pem").toString(), "-out", cert.toString(),
                    "-subj", "/CN=client", "-days", "30");
        }
        return cert;
    }

    private static String crlPem() {
        byte[] der = CrlBuilder.issuedBy(TestPki.otherRoot(fleet.now), fleet.now).build();
        return "-----BEGIN X509 CRL-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END X509 CRL-----\n";
    }
}
