package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.OpenSslServer;
import org.certcheck.testing.ServerContexts;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 15 item 3: which clients would connect, through the CLI, against loopback servers that one
 * client or another refuses: RSA key exchange only, TLS 1.1 only, a 1024-bit RSA leaf, a chain without
 * its intermediate. The column is always there; {@code --clients} narrows it and turns a refusal by a
 * named client into a warning.
 */
class ClientsCliTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    static Path temp;

    private static TestPki pki;
    private static Path rootPem;

    @BeforeAll
    static void pki() throws Exception {
        pki = new TestPki();
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
    }

    private static CliRun check(String target, String... extra) {
        List<String> args = new ArrayList<>(List.of("--revocation", "off", "--ca", rootPem.toString(),
                "--connect-timeout", "2s", "--handshake-timeout", "3s"));
        args.addAll(List.of(extra));
        args.add(target);
        return CliRun.run(args.toArray(String[]::new));
    }

    /** {"jdk17 ok", "jdk25 no (TLS_RSA only)", ...} from the JSON {@code clients} array. */
    private static List<String> clients(JsonNode row) {
        List<String> shown = new ArrayList<>();
        for (JsonNode client : row.get("clients")) {
            List<String> reasons = new ArrayList<>();
            client.get("reasons").forEach(reason -> reasons.add(reason.asText()));
            shown.add(client.get("client").asText() + (client.get("connects").asBoolean() ? " ok"
                    : " no (" + String.join("; ", reasons) + ")"));
        }
        return shown;
    }

    /** A server whose only suite is TLS_RSA_WITH_AES_128_GCM_SHA256 (this JVM still serves it per socket). */
    private static Server rsaKeyExchangeOnly() throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").rsa(2048).build();
        return Server.start(ServerContexts.serving(leaf, pki.intermediate), "TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256");
    }

    @Test
    void rsaKeyExchangeOnlyServerIsRefusedByTheJdks() throws Exception {
        try (Server server = rsaKeyExchangeOnly()) {
            String target = "good.test:" + server.port();

            CliRun run = check(target, "-o", "json");

            JsonNode row = run.target(target);
            assertThat(row.get("connection").get("cipherSuite").asText()).isEqualTo("TLS_RSA_WITH_AES_128_GCM_SHA256");
            assertThat(clients(row)).containsExactly("jdk17 no (TLS_RSA only)", "jdk21 no (TLS_RSA only)",
                    "jdk25 no (TLS_RSA only)", "openssl-l1 ok", "openssl-l2 ok", "browsers ok");
            assertThat(row.get("findings").findValuesAsText("code")).doesNotContain("clients.cannot-connect");
            assertThat(row.get("status").asText()).as(run.out()).isEqualTo("PASS");
            assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        }
    }

    @Test
    void namedClientThatCannotConnectWarnsWithItsReason() throws Exception {
        try (Server server = rsaKeyExchangeOnly()) {
            String target = "good.test:" + server.port();

            CliRun run = check(target, "-o", "json", "--clients", "jdk25,openssl-l2");

            JsonNode row = run.target(target);
            assertThat(clients(row)).containsExactly("jdk25 no (TLS_RSA only)", "openssl-l2 ok");
            assertThat(row.get("status").asText()).as(run.out()).isEqualTo("WARN");
            JsonNode finding = row.get("findings").get(0);
            assertThat(finding.get("code").asText()).isEqualTo("clients.cannot-connect");
            assertThat(finding.get("severity").asText()).isEqualTo("WARN");
            assertThat(finding.get("message").asText()).startsWith("jdk25 (JDK 25 (default java.security)) cannot connect:")
                    .contains("TLS_RSA_WITH_AES_128_GCM_SHA256", "enable ECDHE suites on the server");
            assertThat(row.get("findings")).hasSize(1);
            assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        }
    }

    @Test
    void rsa1024LeafIsShownInTheDetailsLineAndWarnsForANamedOpenSslLevel2() throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").rsa(1024).build();
        try (Server server = Server.start(ServerContexts.serving(leaf, pki.intermediate), "TLSv1.3")) {
            String target = "good.test:" + server.port();

            CliRun all = check(target, "-v");
            CliRun named = check(target, "-o", "json", "--clients", "openssl-l2");

            assertThat(all.out()).contains("    clients:    jdk17 ok, jdk21 ok, jdk25 ok, openssl-l1 ok, openssl-l2 no"
                    + " (RSA 1024), browsers ok");
            JsonNode row = named.target(target);
            assertThat(clients(row)).containsExactly("openssl-l2 no (RSA 1024)");
            assertThat(row.get("findings").findValuesAsText("code")).contains("clients.cannot-connect");
            assertThat(row.get("findings").findValuesAsText("message")).anySatisfy(message -> assertThat(message)
                    .startsWith("openssl-l2 (OpenSSL 3 at security level 2 (Debian's default)) cannot connect: the"
                            + " leaf's RSA key has 1024 bits and openssl-l2 needs 2048"));
        }
    }

    @Test
    void missingIntermediateIsFetchedByBrowsersOnly() throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").caIssuers("http://127.0.0.1:9/issuing-ca.der").build();
        try (Server server = Server.start(ServerContexts.serving(leaf), "TLSv1.3")) {
            String target = "good.test:" + server.port();

            CliRun run = check(target, "-o", "json", "--clients", "jdk21,browsers");

            JsonNode row = run.target(target);
            assertThat(clients(row)).containsExactly("jdk21 no (intermediate not sent)", "browsers ok");
            assertThat(row.get("clients").get(1).get("notes").get(0).asText())
                    .isEqualTo("fetches the missing intermediate via AIA");
            assertThat(row.get("findings").findValuesAsText("code")).contains("chain.incomplete", "clients.cannot-connect");
            assertThat(row.get("status").asText()).isEqualTo("FAIL");
        }
    }

    @Test
    void tls11OnlyServerIsRefusedByEveryClient() throws Exception {
        assumeTrue(OpenSslServer.executable().isPresent(), "openssl is not installed");
        HeldCertificate leaf = pki.leaf("good.test").rsa(2048).build();
        // The JVM cannot serve TLS 1.1 per context (jdk.tls.disabledAlgorithms is global), so a real OpenSSL serves it.
        try (OpenSslServer server = OpenSslServer.serve(temp, leaf, List.of(pki.intermediate), "-tls1_1",
                "-cipher", "ECDHE-RSA-AES128-SHA:@SECLEVEL=0")) {
            String target = "good.test:" + server.port();

            CliRun run = check(target, "-o", "json", "--clients", "all");

            JsonNode row = run.target(target);
            assertThat(row.get("connection").get("protocol").asText()).isEqualTo("TLSv1.1");
            assertThat(clients(row)).containsExactly("jdk17 no (TLS 1.1 only)", "jdk21 no (TLS 1.1 only)",
                    "jdk25 no (TLS 1.1 only)", "openssl-l1 no (TLS 1.1 only)", "openssl-l2 no (TLS 1.1 only)",
                    "browsers no (TLS 1.1 only)");
            assertThat(row.get("findings").findValuesAsText("code")).filteredOn("clients.cannot-connect"::equals)
                    .hasSize(6);
        }
    }

    @Test
    void sha1HandshakeSignatureIsReadFromTheServerKeyExchangeAndRefusedByJdk25() throws Exception {
        assumeTrue(OpenSslServer.executable().isPresent(), "openssl is not installed");
        HeldCertificate leaf = pki.leaf("good.test").rsa(2048).build();
        try (OpenSslServer server = OpenSslServer.serve(temp, leaf, List.of(pki.intermediate), "-tls1_2",
                "-sigalgs", "RSA+SHA1", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0")) {
            String target = "good.test:" + server.port();

            CliRun run = check(target, "-o", "json");

            assertThat(clients(run.target(target))).containsExactly("jdk17 ok", "jdk21 ok",
                    "jdk25 no (SHA-1 signature)", "openssl-l1 no (SHA-1 signature)",
                    "openssl-l2 no (SHA-1 signature)", "browsers no (SHA-1 signature)");
        }
    }

    @Test
    void dheGroupOf1024BitsSignedWithSha1SplitsTheClients() throws Exception {
        assumeTrue(OpenSslServer.executable().isPresent(), "openssl is not installed");
        HeldCertificate leaf = pki.leaf("good.test").rsa(2048).build();
        Path dhparam = Path.of(getClass().getResource("/dh/dh1024.pem").toURI());
        try (OpenSslServer server = OpenSslServer.serve(temp, leaf, List.of(pki.intermediate), "-tls1_2",
                "-sigalgs", "RSA+SHA1", "-cipher", "DHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0",
                "-dhparam", dhparam.toString())) {
            String target = "good.test:" + server.port();

            CliRun run = check(target, "-o", "json");

            assertThat(clients(run.target(target))).containsExactly("jdk17 ok", "jdk21 ok",
                    "jdk25 no (SHA-1 signature)", "openssl-l1 no (SHA-1 signature)",
                    "openssl-l2 no (DH 1024; SHA-1 signature)", "browsers no (DHE only; SHA-1 signature)");
        }
    }

    @Test
    void unknownClientIsAUsageError() {
        CliRun run = check("good.test:1", "--clients", "jdk8");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--clients: unknown client \"jdk8\"; known clients: jdk17, jdk21, jdk25,"
                + " openssl-l1, openssl-l2, browsers, all");
    }

    /** A JSSE server on loopback that completes handshakes with one protocol and, optionally, one suite. */
    private record Server(SSLServerSocket socket) implements AutoCloseable {
        static Server start(SSLContext context, String protocol, String... suites) throws Exception {
            SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 20, LOOPBACK);
            socket.setEnabledProtocols(new String[] {protocol});
            if (suites.length > 0) {
                socket.setEnabledCipherSuites(suites);
            }
            Thread thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (SSLSocket connection = (SSLSocket) socket.accept()) {
                        connection.startHandshake();
                        connection.getInputStream().read();
                    } catch (Exception ignored) {
                        // the probe closes after the handshake, or fails it on purpose
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
            return new Server(socket);
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
