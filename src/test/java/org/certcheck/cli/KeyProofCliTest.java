package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.certcheck.demo.TlsServer;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.Impostors;
import org.certcheck.testing.RawServer;
import org.certcheck.testing.TestPki;
import org.certcheck.validate.Pin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 14 item 2: a server that replays a real chain without its private key must not pass, even
 * when the chain is trusted, matches the --pin and ends at the --anchor. The certificate is still
 * judged (an expired one is still reported), and the target FAILs with tls.key-not-proven.
 */
class KeyProofCliTest {
    @TempDir
    static Path temp;

    private static TestPki pki;
    private static HeldCertificate leaf;
    private static HeldCertificate expiredLeaf;
    private static HeldCertificate stranger;
    private static Path rootPem;
    private static TlsServer genuine;

    @BeforeAll
    static void pki() throws Exception {
        pki = new TestPki();
        leaf = pki.leaf("good.test").build();
        expiredLeaf = pki.leaf("good.test").validFor(java.time.Duration.ofDays(-100), java.time.Duration.ofDays(10))
                .build();
        stranger = pki.leaf("stranger.test").build(); // same key type as the leaf, unrelated key
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
        genuine = TlsServer.start(InetAddress.getLoopbackAddress(),
                List.of(leaf.certificate(), pki.intermediate.certificate()), leaf.privateKey());
    }

    @AfterAll
    static void stop() throws Exception {
        genuine.close();
    }

    @FunctionalInterface
    interface Server {
        RawServer start(HeldCertificate leaf) throws Exception;
    }

    static Stream<Arguments> impostors() {
        return Stream.of(
                Arguments.of("TLS 1.3, CertificateVerify signed with another key", (Server) held ->
                        Impostors.signingWithAnotherKey(chain(held), stranger.privateKey(), "TLSv1.3"),
                        "no verified CertificateVerify signature"),
                Arguments.of("TLS 1.2 ECDHE, ServerKeyExchange signed with another key", (Server) held ->
                        Impostors.signingWithAnotherKey(chain(held), stranger.privateKey(), "TLSv1.2"),
                        "no verified ServerKeyExchange signature"),
                Arguments.of("TLS 1.3, hangs up after the Certificate message", (Server) held ->
                        Impostors.closingAfterCertificate(held == leaf ? genuine.port() : expiredGenuine()),
                        "no verified CertificateVerify signature"),
                Arguments.of("plaintext certificate to the legacy hello", (Server) held ->
                        Impostors.plaintextToLegacyHello(der(chain(held))),
                        "read from a legacy ClientHello"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impostors")
    void impostorWithMatchingPinAndAnchorFails(String name, Server impostor, String evidence) throws Exception {
        String pin = "sha256/" + Base64.getEncoder().encodeToString(Pin.spkiSha256(leaf.certificate()));
        try (RawServer server = impostor.start(leaf)) {
            String target = "good.test:" + server.port();

            CliRun run = check("--pin", pin, "--anchor", rootPem.toString(), target);

            JsonNode row = run.target(target);
            assertThat(row.get("status").asText()).as(run.out()).isEqualTo("FAIL");
            assertThat(row.get("findings").findValuesAsText("code")).as(run.out()).contains("tls.key-not-proven")
                    .doesNotContain("tls.handshake-failed", "chain.pin-mismatch", "chain.wrong-anchor");
            assertThat(CliRun.message(row, "tls.key-not-proven")).contains("did not prove it holds its private key", evidence);
            assertThat(row.get("chain").get(0).get("subject").asText()).contains("good.test");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impostors")
    void certificateOfAnImpostorIsStillJudged(String name, Server impostor, String evidence) throws Exception {
        try (RawServer server = impostor.start(expiredLeaf)) {
            String target = "good.test:" + server.port();

            JsonNode row = check(target).target(target);

            assertThat(row.get("findings").findValuesAsText("code")).contains("cert.expired", "tls.key-not-proven");
        }
    }

    private static int expiredGenuine() throws Exception {
        TlsServer server = TlsServer.start(InetAddress.getLoopbackAddress(),
                List.of(expiredLeaf.certificate(), pki.intermediate.certificate()), expiredLeaf.privateKey());
        return server.port(); // a daemon acceptor; lives as long as the test JVM, like the impostor
    }

    private static List<X509Certificate> chain(HeldCertificate held) {
        return List.of(held.certificate(), pki.intermediate.certificate());
    }

    private static List<byte[]> der(List<X509Certificate> chain) throws Exception {
        List<byte[]> encoded = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            encoded.add(certificate.getEncoded());
        }
        return encoded;
    }

    private static CliRun check(String... args) {
        List<String> all = new ArrayList<>(List.of("--ca", rootPem.toString(), "-o", "json", "--revocation", "off",
                "--connect-timeout", "2s", "--handshake-timeout", "5s"));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }
}
