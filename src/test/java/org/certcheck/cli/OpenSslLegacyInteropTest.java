package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.pki.Pem;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.OpenSslServer;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Legacy servers that are not hand-written: a real {@code openssl s_server} that speaks only
 * TLS 1.0, and one that offers only a weak cipher suite, checked through the command line. The JVM
 * refuses both, so the certificate comes from certcheck's legacy ClientHello; it must still be
 * judged (here: it expires within --warn-days) beside the protocol or cipher finding. Each test is
 * skipped, saying why, when openssl is missing or this build of it refuses the setting.
 */
class OpenSslLegacyInteropTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String ROOT = "CN=Test Root CA,O=Test Corp";

    @TempDir
    static Path temp;

    private static TestPki pki;
    private static Path rootPem;

    @BeforeAll
    static void trustTheTestRoot() throws Exception {
        pki = new TestPki(NOW);
        rootPem = Files.writeString(temp.resolve("corp-root.pem"), pki.root.certificatePem());
    }

    @BeforeEach
    void requireOpenSsl() {
        assumeTrue(OpenSslServer.executable().isPresent(),
                "openssl not installed: no executable 'openssl' on PATH=" + System.getenv("PATH"));
    }

    @Test
    void tls10OnlyServerStillHasItsCertificateJudgedAndItsProtocolFails() throws Exception {
        Optional<String> refusal = OpenSslServer.refusal("-tls1", "DEFAULT:@SECLEVEL=0");
        assumeTrue(refusal.isEmpty(), () -> "skipped: " + refusal.orElseThrow());

        try (OpenSslServer server = OpenSslServer.serve(temp, expiringLeaf(), List.of(pki.intermediate),
                "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0")) {
            CliRun run = check(server);
            JsonNode target = run.target("good.test:" + server.port());

            assertThat(codes(target)).as(run.out()).contains("tls.legacy-protocol", "cert.expires-soon");
            assertThat(target.get("connection").get("protocol").asText()).isEqualTo("TLSv1");
            assertThat(target.get("certificate").get("subject").asText()).isEqualTo("CN=good.test");
            assertThat(target.get("anchor").asText()).as("the chain was validated").isEqualTo(ROOT);
            assertThat(target.get("status").asText()).isEqualTo("FAIL");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        }
    }

    /**
     * Debian's OpenSSL 3.0 has no 3DES or RC4 suites left, but still serves NULL (unencrypted)
     * suites at security level 0: the first weak suite this openssl accepts is used.
     */
    @Test
    void weakCipherOnlyServerStillHasItsCertificateJudgedAndItsCipherFails() throws Exception {
        List<String> refusals = new ArrayList<>();
        String cipher = null;
        for (String candidate : List.of("DES-CBC3-SHA:@SECLEVEL=0", "NULL-SHA256:@SECLEVEL=0")) {
            Optional<String> refusal = OpenSslServer.refusal("-tls1_2", candidate);
            if (refusal.isEmpty()) {
                cipher = candidate;
                break;
            }
            refusals.add(refusal.get());
        }
        assumeTrue(cipher != null, () -> "skipped: " + String.join("; ", refusals));

        try (OpenSslServer server = OpenSslServer.serve(temp, expiringLeaf(), List.of(pki.intermediate),
                "-tls1_2", "-cipher", cipher)) {
            CliRun run = check(server);
            JsonNode target = run.target("good.test:" + server.port());

            assertThat(codes(target)).as(run.out()).contains("tls.weak-cipher", "cert.expires-soon")
                    .doesNotContain("tls.legacy-protocol");
            assertThat(target.get("connection").get("protocol").asText()).isEqualTo("TLSv1.2");
            assertThat(target.get("connection").get("cipherSuite").asText()).matches(".*_(3DES_EDE|NULL)_.*");
            assertThat(target.get("anchor").asText()).as("the chain was validated").isEqualTo(ROOT);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        }
    }

    /**
     * The legacy ClientHello sends the server name the JVM's handshake sent: none with
     * {@code --no-sni}, so a server that picks its certificate by SNI shows its default one, and the
     * target's own name otherwise.
     */
    @Test
    void legacyHelloSendsTheSameServerNameAsTheFirstHandshake() throws Exception {
        Optional<String> refusal = OpenSslServer.refusal("-tls1", "DEFAULT:@SECLEVEL=0");
        assumeTrue(refusal.isEmpty(), () -> "skipped: " + refusal.orElseThrow());
        HeldCertificate named = expiringLeaf();
        Path namedCert = Files.writeString(temp.resolve("named.pem"), named.certificatePem());
        Path namedKey = Files.writeString(temp.resolve("named.key"), Pem.encode(named.privateKey()));
        HeldCertificate fallback = pki.leaf("default.test").rsa(2048).build();

        try (OpenSslServer server = OpenSslServer.serve(temp, fallback, List.of(pki.intermediate),
                "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0", "-servername", "good.test",
                "-cert2", namedCert.toString(), "-key2", namedKey.toString())) {
            JsonNode withSni = check(server).target("good.test:" + server.port());
            CliRun withoutSniRun = check(server, "--no-sni");
            JsonNode withoutSni = withoutSniRun.target("good.test:" + server.port());

            assertThat(withSni.get("certificate").get("subject").asText()).isEqualTo("CN=good.test");
            assertThat(withoutSni.get("connection").get("protocol").asText()).isEqualTo("TLSv1");
            assertThat(withoutSni.get("certificate").get("subject").asText()).as(withoutSniRun.out())
                    .isEqualTo("CN=default.test");
            assertThat(codes(withoutSni)).contains("host.mismatch", "tls.legacy-protocol");
        }
    }

    /** RSA, so that every legacy suite can use it; expiring, so that judging it shows. */
    private static HeldCertificate expiringLeaf() {
        return pki.leaf("good.test").rsa(2048).validFor(Duration.ofDays(-80), Duration.ofDays(90)).build();
    }

    private static CliRun check(OpenSslServer server, String... options) {
        List<String> arguments = new ArrayList<>(List.of("--ca", rootPem.toString(), "--output", "json",
                "--revocation", "off", "--connect-timeout", "3s", "--handshake-timeout", "5s"));
        arguments.addAll(List.of(options));
        arguments.add("good.test:" + server.port());
        CliRun run = CliRun.run(Clock.fixed(NOW, ZoneOffset.UTC), Resolver.SYSTEM, arguments.toArray(String[]::new));
        assertThat(run.json().get("targets")).as("one row\n%s\nopenssl said:\n%s", run.out(), server.output())
                .hasSize(1);
        return run;
    }

    private static List<String> codes(JsonNode target) {
        return target.get("findings").findValuesAsText("code");
    }
}
