package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.RawServer;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Servers that speak only what the JVM disables still get their certificate judged, and the
 * protocol or cipher is a finding. The servers are in-process on loopback and answer every
 * ClientHello the way a legacy-only server does: with a ServerHello for TLS 1.0 (or for a 3DES
 * suite) and their certificate chain, in the clear as TLS up to 1.2 sends them.
 */
class LegacyProtocolCliTest {
    private final TestPki pki = new TestPki();
    private Path rootPem;

    @TempDir
    Path temp;

    @BeforeEach
    void writeRoot() throws Exception {
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
    }

    private CliRun check(int port) {
        return CliRun.run("--revocation", "off", "--ca", rootPem.toString(), "-o", "json",
                "--connect-timeout", "2s", "--handshake-timeout", "3s", "good.test:" + port);
    }

    private static JsonNode target(CliRun run) {
        return run.json().get("targets").get(0);
    }

    @Test
    void tls10OnlyServerIsJudgedAndItsProtocolFails() throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").build();
        try (RawServer server = new RawServer(legacyServer(0x0301, 0x002F, leaf, pki.intermediate))) {
            CliRun run = check(server.port());

            assertThat(target(run).get("findings").findValuesAsText("code"))
                    .containsExactly("tls.legacy-protocol", "tls.key-not-proven");
            assertThat(target(run).get("connection").get("protocol").asText()).isEqualTo("TLSv1");
            assertThat(target(run).get("status").asText()).isEqualTo("FAIL");
            assertThat(run.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void weakCipherOnlyServerIsJudgedAndItsCipherFails() throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").rsa(2048).build();
        try (RawServer server = new RawServer(legacyServer(0x0303, 0x000A, leaf, pki.intermediate))) {
            CliRun run = check(server.port());

            assertThat(target(run).get("findings").findValuesAsText("code"))
                    .containsExactly("tls.weak-cipher", "tls.key-not-proven");
            assertThat(target(run).get("connection").get("cipherSuite").asText())
                    .isEqualTo("TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        }
    }

    @Test
    void legacyServerWithAnExpiredCertificateShowsBothProblems() throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").validity(pki.now.minusSeconds(86_400 * 100),
                pki.now.minusSeconds(86_400 * 3)).build();
        try (RawServer server = new RawServer(legacyServer(0x0302, 0x002F, leaf, pki.intermediate))) {
            assertThat(target(check(server.port())).get("findings").findValuesAsText("code"))
                    .contains("cert.expired", "tls.legacy-protocol");
        }
    }

    /** Reads a ClientHello record, answers ServerHello + Certificate as {@code version} with {@code suite}, closes. */
    private static RawServer.Behaviour legacyServer(int version, int suite, HeldCertificate... chain) {
        return connection -> {
            DataInputStream in = new DataInputStream(connection.getInputStream());
            in.readUnsignedByte();
            in.readUnsignedShort();
            in.readNBytes(in.readUnsignedShort());
            ByteArrayOutputStream hello = new ByteArrayOutputStream();
            hello.write(new byte[] {(byte) (version >>> 8), (byte) version});
            hello.write(new byte[32]);
            hello.write(0);
            hello.write(new byte[] {(byte) (suite >>> 8), (byte) suite, 0});
            ByteArrayOutputStream certificates = new ByteArrayOutputStream();
            for (HeldCertificate held : chain) {
                byte[] der = ((X509Certificate) held.certificate()).getEncoded();
                certificates.write(length24(der.length));
                certificates.write(der);
            }
            ByteArrayOutputStream certificate = new ByteArrayOutputStream();
            certificate.write(length24(certificates.size()));
            certificate.write(certificates.toByteArray());
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            message(messages, 2, hello.toByteArray());
            message(messages, 11, certificate.toByteArray());
            OutputStream out = connection.getOutputStream();
            byte[] all = messages.toByteArray();
            for (int offset = 0; offset < all.length; offset += 16_000) {
                int length = Math.min(16_000, all.length - offset);
                out.write(new byte[] {22, 3, 1, (byte) (length >>> 8), (byte) length});
                out.write(all, offset, length);
            }
            out.flush();
            Thread.sleep(200);
        };
    }

    private static void message(ByteArrayOutputStream out, int type, byte[] body) {
        out.write(type);
        out.writeBytes(length24(body.length));
        out.writeBytes(body);
    }

    private static byte[] length24(int length) {
        return new byte[] {(byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

}
