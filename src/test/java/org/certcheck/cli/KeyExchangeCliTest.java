package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.OpenSslServer;
import org.certcheck.testing.RawServer;
import org.certcheck.testing.TestPki;
import org.certcheck.testing.TlsBytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 13 item 4: the server's ephemeral group. A 1024-bit DHE group (OpenSSL's s_server with
 * {@code -dhparam}) warns; a 512-bit one, which the JVM refuses, and a curve the JVM does not
 * offer fail with the reason, not {@code internal.error}.
 */
class KeyExchangeCliTest {
    @TempDir
    static Path temp;

    private static TestPki pki;
    private static HeldCertificate leaf;
    private static Path rootPem;

    @BeforeAll
    static void pki() throws Exception {
        pki = new TestPki();
        leaf = pki.leaf("good.test").rsa(2048).build();
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
    }

    @Test
    void dheGroupOf1024BitsWarns() throws Exception {
        assumeTrue(OpenSslServer.executable().isPresent(), "openssl is not installed");
        Path dhparam = Path.of(getClass().getResource("/dh/dh1024.pem").toURI());
        try (OpenSslServer server = OpenSslServer.serve(temp, leaf, List.of(pki.intermediate), "-tls1_2",
                "-cipher", "DHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0", "-dhparam", dhparam.toString())) {
            String target = "good.test:" + server.port();

            CliRun run = check(target);

            JsonNode row = run.target(target);
            assertThat(row.get("connection").get("cipherSuite").asText()).isEqualTo("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
            assertThat(row.get("status").asText()).as(run.out()).isEqualTo("WARN");
            assertThat(CliRun.engineNeutralCodes(row.get("findings"))).containsExactly("tls.dh-small");
            assertThat(row.get("findings").get(0).get("message").asText()).contains("a 1024-bit Diffie-Hellman group");
            assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        }
    }

    @Test
    void dheGroupOf512BitsThatTheJvmRefusesFailsWithItsReason() throws Exception {
        byte[] prime = new byte[64];
        new Random(5).nextBytes(prime);
        prime[0] |= (byte) 0x80;
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        vector(params, prime);
        vector(params, new byte[] {2});
        vector(params, prime.clone());
        try (RawServer server = keyExchangeServer(0x009E, params.toByteArray())) {
            String target = "good.test:" + server.port();

            CliRun run = check(target);

            JsonNode row = run.target(target);
            assertThat(row.get("status").asText()).as(run.out()).isEqualTo("FAIL");
            assertThat(CliRun.engineNeutralCodes(row.get("findings"))).as(run.out()).contains("tls.dh-too-small")
                    .doesNotContain("internal.error");
            assertThat(row.get("findings").findValuesAsText("message")).anySatisfy(message ->
                    assertThat(message).contains("a 512-bit Diffie-Hellman group", "this handshake failed"));
            assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        }
    }

    @Test
    void curveTheJvmDoesNotOfferIsNamed() throws Exception {
        byte[] point = new byte[65];
        point[0] = 4;
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        params.write(3);
        params.write(0x00);
        params.write(0x16); // secp256k1
        params.write(point.length);
        params.writeBytes(point);
        try (RawServer server = keyExchangeServer(0xC02F, params.toByteArray())) {
            String target = "good.test:" + server.port();

            CliRun run = check(target);

            JsonNode row = run.target(target);
            assertThat(row.get("status").asText()).as(run.out()).isEqualTo("FAIL");
            assertThat(CliRun.engineNeutralCodes(row.get("findings"))).as(run.out()).contains("tls.unusual-curve")
                    .doesNotContain("internal.error");
            assertThat(row.get("findings").findValuesAsText("message")).anySatisfy(message ->
                    assertThat(message).contains("the server chose secp256k1"));
        }
    }

    /**
     * A TLS 1.2 server that sends ServerHello ({@code suite}), its real chain, a ServerKeyExchange with
     * {@code params} and a signature of random bytes, and ServerHelloDone.
     */
    private static RawServer keyExchangeServer(int suite, byte[] params) throws Exception {
        List<byte[]> chain = List.of(leaf.certificate().getEncoded(), pki.intermediate.certificate().getEncoded());
        return new RawServer(connection -> {
            TlsBytes.readClientHello(connection.getInputStream());
            ByteArrayOutputStream exchange = new ByteArrayOutputStream();
            exchange.writeBytes(params);
            exchange.write(4); // rsa_pkcs1_sha256
            exchange.write(1);
            byte[] signature = new byte[256];
            new Random(6).nextBytes(signature);
            vector(exchange, signature);
            OutputStream out = connection.getOutputStream();
            out.write(TlsBytes.serverHello(suite));
            out.write(TlsBytes.certificate(chain));
            out.write(TlsBytes.records(TlsBytes.HANDSHAKE, TlsBytes.handshake(12, exchange.toByteArray())));
            out.write(TlsBytes.records(TlsBytes.HANDSHAKE, TlsBytes.handshake(14, new byte[0])));
            out.flush();
            connection.getInputStream().read();
        });
    }

    private static void vector(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes.length >> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static CliRun check(String target) {
        List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "-o", "json", "--revocation", "off",
                "--connect-timeout", "5s", "--handshake-timeout", "10s", target));
        return CliRun.run(args.toArray(String[]::new));
    }
}
