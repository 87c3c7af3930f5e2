package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x509.CRLReason;
import org.certcheck.demo.TlsServer;
import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.OcspResponses;
import org.certcheck.testing.OpenSslCrl;
import org.certcheck.testing.OpenSslOcspResponder;
import org.certcheck.testing.OpenSslServer;
import org.certcheck.testing.RevocationPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Revocation against OpenSSL: {@code openssl ocsp} as the responder, {@code openssl s_server
 * -status_file} as a server that staples, and CRLs from {@code openssl ca -gencrl}. CI ({@code .ci/run}) installs OpenSSL, so there these
 * tests run; elsewhere they are skipped without it.
 */
class OpenSslRevocationInteropTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path temp;

    private RevocationPki pki;
    private Path rootPem;

    /** Per test, not per class: Surefire counts a skipped class as no tests at all, a skipped test as skipped. */
    @BeforeEach
    void start() throws Exception {
        assumeTrue(OpenSslServer.executable().isPresent(),
                "openssl not installed: no executable 'openssl' on PATH=" + System.getenv("PATH"));
        pki = new RevocationPki(NOW);
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
    }

    @AfterEach
    void stop() {
        if (pki != null) {
            pki.close();
        }
    }

    private CliRun check(String... arguments) {
        List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "-o", "json",
                "--revocation", "hard", "--revocation-timeout", "5s", "--fetch-allow", "127.0.0.1"));
        args.addAll(List.of(arguments));
        return CliRun.run(Clock.fixed(NOW, ZoneOffset.UTC), Resolver.SYSTEM, args.toArray(String[]::new));
    }

    @Test
    void openSslOcspResponderSaysGoodForOneAndRevokedForTheOther() throws Exception {
        int port = OpenSslOcspResponder.reservePort();
        HeldCertificate good = pki.leaf("good.test").ocspResponder(OpenSslOcspResponder.url(port)).build();
        HeldCertificate revoked = pki.leaf("good.test").ocspResponder(OpenSslOcspResponder.url(port)).build();
        try (OpenSslOcspResponder responder = OpenSslOcspResponder.start(temp, pki.intermediate, List.of(
                        OpenSslOcspResponder.Entry.valid(good),
                        OpenSslOcspResponder.Entry.revoked(revoked, NOW.minus(Duration.ofDays(1)), "keyCompromise")),
                port);
             TlsServer goodServer = TlsServer.start(LOOPBACK,
                     List.of(good.certificate(), pki.intermediate.certificate()), good.privateKey());
             TlsServer revokedServer = TlsServer.start(LOOPBACK,
                     List.of(revoked.certificate(), pki.intermediate.certificate()), revoked.privateKey())) {
            String goodTarget = "good.test:" + goodServer.port();
            String revokedTarget = "good.test:" + revokedServer.port();

            CliRun run = check(goodTarget, revokedTarget);

            JsonNode passed = run.target(goodTarget);
            assertThat(passed.get("status").asText()).as("%s\nopenssl said:\n%s", run.out(), responder.output())
                    .isEqualTo("PASS");
            JsonNode goodLeaf = passed.get("revocation").get("certificates").get(0);
            assertThat(goodLeaf.get("status").asText()).isEqualTo("good");
            assertThat(goodLeaf.get("source").asText()).isEqualTo("ocsp");
            assertThat(goodLeaf.get("url").asText()).isEqualTo(responder.url());

            JsonNode failed = run.target(revokedTarget);
            assertThat(failed.get("status").asText()).isEqualTo("FAIL");
            JsonNode revokedLeaf = failed.get("revocation").get("certificates").get(0);
            assertThat(revokedLeaf.get("status").asText()).isEqualTo("revoked");
            assertThat(revokedLeaf.get("reason").asText()).isEqualTo("keyCompromise");
            assertThat(Instant.parse(revokedLeaf.get("revokedAt").asText())).isEqualTo(NOW.minus(Duration.ofDays(1)));
            assertThat(run.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void openSslServerStaplingAGoodResponseSatisfiesMustStaple() throws Exception {
        HeldCertificate leaf = pki.leafWithOcsp("good.test").mustStaple().build();
        Path staple = Files.write(temp.resolve("good.der"), OcspResponses.by(pki.intermediate, NOW).about(leaf));
        try (OpenSslServer server = OpenSslServer.serve(temp, leaf, List.of(pki.intermediate),
                "-status_file", staple.toString())) {
            String target = "good.test:" + server.port();

            CliRun run = check(target);

            JsonNode result = run.target(target);
            assertThat(result.get("status").asText()).as("%s\nopenssl said:\n%s", run.out(), server.output())
                    .isEqualTo("PASS");
            assertThat(result.get("revocation").get("certificates").get(0).get("source").asText()).isEqualTo("stapled");
            assertThat(pki.responder.requests()).as("the staple answered; the responder was not asked").isZero();
            assertThat(run.exitCode()).isZero();
        }
    }

    @Test
    void openSslServerStaplingARevokedResponseFails() throws Exception {
        HeldCertificate leaf = pki.leafWithOcsp("good.test").build();
        Path staple = Files.write(temp.resolve("revoked.der"), OcspResponses.by(pki.intermediate, NOW)
                .revoked(NOW.minus(Duration.ofHours(6)), CRLReason.keyCompromise).about(leaf));
        try (OpenSslServer server = OpenSslServer.serve(temp, leaf, List.of(pki.intermediate),
                "-status_file", staple.toString())) {
            String target = "good.test:" + server.port();

            CliRun run = check(target);

            JsonNode result = run.target(target);
            assertThat(result.get("status").asText()).as("%s\nopenssl said:\n%s", run.out(), server.output())
                    .isEqualTo("FAIL");
            assertThat(result.get("findings").findValuesAsText("code")).containsExactly("revocation.revoked");
            assertThat(result.get("revocation").get("certificates").get(0).get("source").asText()).isEqualTo("stapled");
            assertThat(run.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void openSslServerStaplingOverTls12IsReadToo() throws Exception {
        HeldCertificate leaf = pki.leafWithOcsp("good.test").mustStaple().build();
        Path staple = Files.write(temp.resolve("good12.der"), OcspResponses.by(pki.intermediate, NOW).about(leaf));
        try (OpenSslServer server = OpenSslServer.serve(temp, leaf, List.of(pki.intermediate),
                "-status_file", staple.toString(), "-tls1_2")) {
            String target = "good.test:" + server.port();

            CliRun run = check(target);

            JsonNode result = run.target(target);
            assertThat(result.get("connection").get("protocol").asText()).isEqualTo("TLSv1.2");
            assertThat(result.get("status").asText()).as("%s\nopenssl said:\n%s", run.out(), server.output())
                    .isEqualTo("PASS");
            assertThat(result.get("revocation").get("certificates").get(0).get("source").asText()).isEqualTo("stapled");
        }
    }

    @Test
    void crlFromOpenSslCaListsTheRevokedCertificateAndClearsTheOther() throws Exception {
        HeldCertificate good = pki.leaf("good.test").build();
        HeldCertificate revoked = pki.leaf("good.test").build();
        Path crl = OpenSslCrl.mint(temp, pki.intermediate, List.of(OpenSslOcspResponder.Entry.valid(good),
                OpenSslOcspResponder.Entry.revoked(revoked, NOW.minus(Duration.ofDays(1)), "keyCompromise")), true);
        try (TlsServer goodServer = TlsServer.start(LOOPBACK,
                     List.of(good.certificate(), pki.intermediate.certificate()), good.privateKey());
             TlsServer revokedServer = TlsServer.start(LOOPBACK,
                     List.of(revoked.certificate(), pki.intermediate.certificate()), revoked.privateKey())) {
            String goodTarget = "good.test:" + goodServer.port();
            String revokedTarget = "good.test:" + revokedServer.port();

            CliRun run = check("--crl", crl.toString(), goodTarget, revokedTarget);

            JsonNode goodLeaf = run.target(goodTarget).get("revocation").get("certificates").get(0);
            assertThat(goodLeaf.get("status").asText()).as(run.out()).isEqualTo("good");
            assertThat(goodLeaf.get("source").asText()).isEqualTo("crl");
            JsonNode revokedLeaf = run.target(revokedTarget).get("revocation").get("certificates").get(0);
            assertThat(revokedLeaf.get("status").asText()).isEqualTo("revoked");
            assertThat(revokedLeaf.get("reason").asText()).isEqualTo("keyCompromise");
            assertThat(run.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void v1CrlFromOpenSslCaWithoutACrlNumberIsNotTakenAsGood() throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").build();
        Path crl = OpenSslCrl.mint(temp, pki.intermediate, List.of(OpenSslOcspResponder.Entry.valid(leaf)), false);
        try (TlsServer server = TlsServer.start(LOOPBACK,
                List.of(leaf.certificate(), pki.intermediate.certificate()), leaf.privateKey())) {
            String target = "good.test:" + server.port();

            CliRun run = check("--crl", crl.toString(), target);

            JsonNode result = run.target(target);
            assertThat(result.get("revocation").get("certificates").get(0).get("status").asText()).as(run.out())
                    .isEqualTo("unknown");
            assertThat(result.get("findings").findValuesAsText("message"))
                    .anySatisfy(message -> assertThat(message).contains("the CRL has no CRLNumber extension"));
            assertThat(run.exitCode()).isEqualTo(1);
        }
    }
}
