package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.certcheck.demo.TlsServer;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 13 through the command line: a corporate root made the way how-tos make it ({@code openssl
 * req -x509 -addext basicConstraints=CA:true}, not critical) passes under the default profile, with
 * the lint named as the CA's; {@code --profile strict} fails it; a leaf whose authorityKeyIdentifier
 * names another key fails under every profile.
 */
class ProfileCliTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final Instant now = Instant.now();
    private final HeldCertificate root = HeldCertificate.builder(now).commonName("How-To Root CA")
            .validFor(Duration.ofDays(-10), Duration.ofDays(3650)).certificateAuthority(1)
            .extension(Extension.basicConstraints, false, new BasicConstraints(true)).build();

    @TempDir
    Path temp;

    private CliRun check(HeldCertificate leaf, String... options) throws Exception {
        Path rootPem = Files.writeString(temp.resolve("root.pem"), root.certificatePem());
        try (TlsServer server = TlsServer.start(LOOPBACK, List.of(leaf.certificate()), leaf.privateKey())) {
            List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "-o", "json",
                    "--revocation", "off"));
            args.addAll(List.of(options));
            args.add("web.corp.test@127.0.0.1:" + server.port());
            return CliRun.run(args.toArray(String[]::new));
        }
    }

    private HeldCertificate leaf() {
        return HeldCertificate.builder(now).commonName("web.corp.test").addSubjectAltName("web.corp.test")
                .signedBy(root).build();
    }

    private static JsonNode target(CliRun run) {
        return run.json().get("targets").get(0);
    }

    @Test
    void howToRootPassesByDefaultWithTheLintAsInformationForTheCa() throws Exception {
        CliRun run = check(leaf());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(target(run).get("status").asText()).isEqualTo("PASS");
        JsonNode finding = target(run).get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("cert.malformed-extension");
        assertThat(finding.get("severity").asText()).isEqualTo("INFO");
        assertThat(finding.get("message").asText()).contains("basicConstraints is not critical")
                .contains("the CA should fix it");
    }

    @Test
    void strictProfileFailsTheSameRoot() throws Exception {
        CliRun run = check(leaf(), "--profile", "strict");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(target(run).get("status").asText()).isEqualTo("FAIL");
    }

    @Test
    void unknownProfileIsAUsageError() throws Exception {
        CliRun run = check(leaf(), "--profile", "lenient");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--profile").contains("lenient");
    }

    @Test
    void keyIdentifierNamingAnotherKeyFailsUnderEveryProfile() throws Exception {
        HeldCertificate leaf = HeldCertificate.builder(now).commonName("web.corp.test").addSubjectAltName("web.corp.test")
                .extension(Extension.authorityKeyIdentifier, false,
                        new org.bouncycastle.asn1.x509.AuthorityKeyIdentifier(new byte[] {9, 9, 9}))
                .signedBy(root).build();

        CliRun run = check(leaf);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(target(run).get("findings").findValuesAsText("code")).contains("chain.key-identifier-mismatch");
    }
}
