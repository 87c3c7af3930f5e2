package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.OpenSslServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 13: an OpenSSL server whose certificate is signed with MD5 refuses the JDK engine's handshake
 * (Java offers no MD5 in signature_algorithms_cert, so the server has no certificate for it). The
 * report blames the signature, not the protocol, and still judges the certificate; on Conscrypt the
 * handshake completes and the signature alone fails it.
 */
class WeakSignatureServerCliTest {
    @TempDir
    static Path temp;

    @Test
    void md5SignedCertificateIsBlamedForTheRefusedHandshake() throws Exception {
        assumeTrue(OpenSslServer.executable().isPresent(), "openssl is not installed");
        Instant now = Instant.now();
        HeldCertificate root = HeldCertificate.builder(now).commonName("MD5 Test Root").rsa(2048)
                .certificateAuthority(0).build();
        HeldCertificate leaf = HeldCertificate.builder(now).commonName("md5.test").addSubjectAltName("md5.test")
                .rsa(2048).signatureAlgorithm("MD5withRSA").signedBy(root).build();
        Path rootPem = Files.writeString(temp.resolve("root.pem"), root.certificatePem());
        // OpenSSL 3 loads an MD5-signed certificate only at security level 0.
        try (OpenSslServer server = OpenSslServer.serve(temp, leaf, List.of(), "-cipher", "DEFAULT@SECLEVEL=0")) {
            String target = "md5.test@127.0.0.1:" + server.port();

            // The JDK offers no MD5 in signature_algorithms_cert; BoringSSL's handshake goes through.
            CliRun run = CliRun.run("--ca", rootPem.toString(), "--revocation", "off", "-o", "json",
                    "--tls-engine", "jdk", target);

            JsonNode row = run.json().get("targets").get(0);
            assertThat(row.get("status").asText()).as(run.out()).isEqualTo("FAIL");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(row.get("findings").findValuesAsText("code")).contains("cert.weak-signature", "tls.key-not-proven");
            String message = CliRun.message(row, "tls.key-not-proven");
            assertThat(message).contains("the likely cause is the certificate, not the protocol")
                    .contains("CN=md5.test is signed with MD5withRSA").contains("signature_algorithms_cert")
                    .doesNotContain("replays");

            CliRun onConscrypt = CliRun.run("--ca", rootPem.toString(), "--revocation", "off", "-o", "json",
                    "--tls-engine", "conscrypt", target);

            JsonNode same = onConscrypt.json().get("targets").get(0);
            assertThat(same.get("status").asText()).as(onConscrypt.out()).isEqualTo("FAIL");
            assertThat(same.get("findings").findValuesAsText("code")).contains("cert.weak-signature")
                    .doesNotContain("tls.key-not-proven");
        }
    }
}
