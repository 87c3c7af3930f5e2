package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.pki.Pem;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.ServerContexts;
import org.certcheck.testing.StartTlsServer;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Servers that ask for client certificates (mutual TLS), with and without one, through the real command line. */
class ClientCertificateCliTest {
    private static final String CLIENT_CA = "CN=Test Client CA,O=Test Corp";

    private final TestPki pki = new TestPki();
    private final HeldCertificate leaf = pki.leaf("good.test").build();
    private final HeldCertificate clientCa = HeldCertificate.builder(pki.now).organization("Test Corp")
            .commonName("Test Client CA").certificateAuthority(0).build();
    private final HeldCertificate client = HeldCertificate.builder(pki.now).commonName("probe.test")
            .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).signedBy(clientCa).build();

    @TempDir
    Path temp;
    private Path rootPem;

    @BeforeEach
    void writeRoot() throws Exception {
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
    }

    private StartTlsServer mutualTls(String protocol, boolean required) throws Exception {
        return StartTlsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ServerContexts.serving(leaf, List.of(pki.intermediate), List.of(clientCa)), StartTlsServer.DIRECT_TLS)
                .tuning(socket -> {
                    socket.setEnabledProtocols(new String[] {protocol});
                    if (required) {
                        socket.setNeedClientAuth(true);
                    } else {
                        socket.setWantClientAuth(true);
                    }
                });
    }

    private CliRun check(Map<String, String> environment, StartTlsServer server, String... options) {
        List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "-o", "json",
                "--connect-timeout", "5s", "--handshake-timeout", "10s",
                "--revocation", "off")); // these tests are about reaching servers, not revocation
        args.addAll(List.of(options));
        args.add("good.test:" + server.port());
        return CliRun.withEnvironment(environment, args.toArray(String[]::new));
    }

    private static JsonNode row(CliRun run) {
        return run.json().get("targets").get(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void withoutAClientCertificateTheServerIsJudgedAndTheRequirementNoted(String protocol) throws Exception {
        try (StartTlsServer server = mutualTls(protocol, true)) {
            CliRun run = check(Map.of(), server);

            JsonNode row = row(run);
            assertThat(row.get("status").asText()).as(run.out()).isEqualTo("PASS");
            assertThat(CliRun.engineNeutralCodes(row.get("findings"))).containsExactly("tls.client-cert-required");
            assertThat(row.get("findings").get(0).get("severity").asText()).isEqualTo("INFO");
            assertThat(row.get("findings").get(0).get("message").asText())
                    .startsWith("the server requires a client certificate and ended the handshake without one (")
                    .contains("it accepts certificates issued by " + CLIENT_CA + ";")
                    .endsWith("give --client-cert and --client-key, or --client-p12, to complete the handshake");
            assertThat(row.get("chain")).hasSize(2);
            assertThat(run.exitCode()).isZero();
        }
    }

    @Test
    void pemClientCertificateAndKeyCompleteTheHandshake() throws Exception {
        Path cert = Files.writeString(temp.resolve("client.pem"), Pem.encode(client.certificate(), clientCa.certificate()));
        Path key = Files.writeString(temp.resolve("client.key"), Pem.encode(client.privateKey()));
        try (StartTlsServer server = mutualTls("TLSv1.3", true)) {
            CliRun run = check(Map.of(), server, "--client-cert", cert.toString(), "--client-key", key.toString());

            assertThat(row(run).get("status").asText()).as(run.out()).isEqualTo("PASS");
            assertThat(CliRun.engineNeutralCodes(row(run).get("findings"))).isEmpty();
            assertThat(server.clientCertificates(1)).containsExactly("CN=probe.test");
        }
    }

    @Test
    void pkcs12ClientCertificateWithItsPasswordFromTheEnvironment() throws Exception {
        Path p12 = temp.resolve("client.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("probe", client.privateKey(), "s3cret".toCharArray(),
                new X509Certificate[] {client.certificate(), clientCa.certificate()});
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, "s3cret".toCharArray());
        }
        try (StartTlsServer server = mutualTls("TLSv1.2", true)) {
            CliRun run = check(Map.of("CERTCHECK_CLIENT_PASSWORD", "s3cret"), server, "--client-p12", p12.toString());
            CliRun wrong = check(Map.of("CERTCHECK_CLIENT_PASSWORD", "guess"), server, "--client-p12", p12.toString());

            assertThat(row(run).get("status").asText()).as(run.out()).isEqualTo("PASS");
            assertThat(CliRun.engineNeutralCodes(row(run).get("findings"))).isEmpty();
            assertThat(server.clientCertificates(1)).containsExactly("CN=probe.test");
            assertThat(wrong.exitCode()).isEqualTo(2);
            assertThat(wrong.err()).contains("client certificate: " + p12 + ": wrong password");
        }
    }

    @Test
    void clientCertificateTheServerDoesNotTrustIsAWarning() throws Exception {
        HeldCertificate stranger = HeldCertificate.builder(pki.now).commonName("stranger.test").build();
        Path cert = Files.writeString(temp.resolve("stranger.pem"), stranger.certificatePem() + Pem.encode(stranger.privateKey()));
        try (StartTlsServer server = mutualTls("TLSv1.3", true)) {
            CliRun run = check(Map.of(), server, "--client-cert", cert.toString());

            JsonNode row = row(run);
            assertThat(row.get("status").asText()).as(run.out()).isEqualTo("WARN");
            assertThat(CliRun.engineNeutralCodes(row.get("findings"))).containsExactly("tls.handshake-failed");
            assertThat(row.get("findings").get(0).get("message").asText())
                    .startsWith("the server did not accept the client certificate that was sent (")
                    .contains("it accepts certificates issued by " + CLIENT_CA);
        }
    }

    @Test
    void optionalClientCertificateIsNotedOnly() throws Exception {
        try (StartTlsServer server = mutualTls("TLSv1.3", false)) {
            CliRun run = check(Map.of(), server);

            assertThat(row(run).get("status").asText()).as(run.out()).isEqualTo("PASS");
            assertThat(CliRun.engineNeutralCodes(row(run).get("findings"))).containsExactly("tls.client-cert-requested");
        }
    }

    @Test
    void keyOfAnotherCertificateIsAUsageError() throws Exception {
        Path cert = Files.writeString(temp.resolve("client.pem"), client.certificatePem());
        Path key = Files.writeString(temp.resolve("other.key"), Pem.encode(leaf.privateKey()));
        try (StartTlsServer server = mutualTls("TLSv1.3", true)) {
            CliRun run = check(Map.of(), server, "--client-cert", cert.toString(), "--client-key", key.toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("client certificate: the key in " + key + " does not belong to the certificate in "
                    + cert);
        }
    }
}
