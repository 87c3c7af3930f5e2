package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.certcheck.demo.TlsServer;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.ConnectProxy;
import org.certcheck.testing.Dialogues;
import org.certcheck.testing.ServerContexts;
import org.certcheck.testing.StartTlsServer;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** Probes through an HTTP CONNECT proxy (a real one, in-process), through the real command line. */
class ProxyCliTest {
    private final TestPki pki = new TestPki();
    private final HeldCertificate leaf = pki.leaf("good.test").build();

    @TempDir
    Path temp;
    private Path rootPem;
    private StartTlsServer server;

    @BeforeEach
    void start() throws Exception {
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
        server = StartTlsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ServerContexts.serving(leaf, pki.intermediate), StartTlsServer.DIRECT_TLS);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private CliRun check(Map<String, String> environment, String... arguments) {
        List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "-o", "json",
                "--connect-timeout", "5s", "--handshake-timeout", "10s"));
        args.addAll(List.of(arguments));
        return CliRun.withEnvironment(environment, args.toArray(String[]::new));
    }

    private CliRun check(String... arguments) {
        return check(Map.of(), arguments);
    }

    private static String proxyUrl(ConnectProxy proxy) {
        return "http://127.0.0.1:" + proxy.port();
    }

    @Test
    void targetIsReachedThroughTheProxyWhichResolvesItsName() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.open()) {
            CliRun run = check("--proxy", proxyUrl(proxy), "good.test:" + server.port());

            JsonNode row = run.target("good.test:" + server.port());
            assertThat(row.get("status").asText()).as(run.out()).isEqualTo("PASS");
            assertThat(row.get("connection").get("address").asText()).isEqualTo("good.test:" + server.port() + " via proxy");
            assertThat(proxy.requests()).containsExactly("CONNECT good.test:" + server.port() + " HTTP/1.1");
            assertThat(server.serverNames(1)).containsExactly(List.of("good.test"));
        }
    }

    @Test
    void startTlsWorksThroughTheTunnel() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.open();
             StartTlsServer smtp = StartTlsServer.start(ServerContexts.serving(leaf, pki.intermediate), Dialogues.smtp())) {
            CliRun run = check("--proxy", proxyUrl(proxy), "smtp://good.test:" + smtp.port());

            assertThat(run.target("smtp://good.test:" + smtp.port()).get("status").asText()).as(run.out()).isEqualTo("PASS");
        }
    }

    @Test
    void proxyThatRefusesIsUnknownWithItsAnswer() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.refusing("HTTP/1.1 403 Forbidden")) {
            CliRun run = check("--proxy", proxyUrl(proxy), "good.test:" + server.port());

            JsonNode finding = run.target("good.test:" + server.port()).get("findings").get(0);
            assertThat(finding.get("code").asText()).isEqualTo("probe.proxy");
            assertThat(finding.get("message").asText()).isEqualTo("the proxy 127.0.0.1:" + proxy.port()
                    + " refused CONNECT good.test:" + server.port() + ": \"HTTP/1.1 403 Forbidden\" (many proxies allow"
                    + " CONNECT only to port 443; list the target in --no-proxy to reach it directly)");
            assertThat(run.exitCode()).isEqualTo(3);
        }
    }

    @Test
    void proxyCredentialsAreSentAsBasicAuthentication() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.requiring("alice:p@ss:word")) {
            CliRun without = check("--proxy", proxyUrl(proxy), "good.test:" + server.port());
            CliRun with = check("--proxy", "http://alice:p%40ss:word@127.0.0.1:" + proxy.port(), "good.test:" + server.port());

            assertThat(without.target("good.test:" + server.port()).get("findings").get(0).get("message").asText())
                    .contains("refused CONNECT").contains("407 Proxy Authentication Required")
                    .endsWith(": give them as http://user:password@127.0.0.1:" + proxy.port() + " (in --proxy or https_proxy)");
            assertThat(with.target("good.test:" + server.port()).get("status").asText()).as(with.out()).isEqualTo("PASS");
        }
    }

    @Test
    void environmentProxyIsUsedWhenAskedAndNoProxyNamesAreReachedDirectly() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.open()) {
            Map<String, String> environment = Map.of("https_proxy", proxyUrl(proxy), "NO_PROXY", "example.test,127.0.0.0/8");

            CliRun run = check(environment, "--proxy", "env", "good.test:" + server.port(), "127.0.0.1:" + server.port());
            CliRun notAsked = check(environment, "good.test:" + server.port());

            assertThat(run.target("good.test:" + server.port()).get("connection").get("address").asText())
                    .endsWith("via proxy");
            assertThat(run.target("127.0.0.1:" + server.port()).get("connection").get("address").asText())
                    .isEqualTo("127.0.0.1:" + server.port());
            assertThat(notAsked.target("good.test:" + server.port()).get("connection").get("address").asText())
                    .isEqualTo("127.0.0.1:" + server.port());
            assertThat(proxy.requests()).containsExactly("CONNECT good.test:" + server.port() + " HTTP/1.1");
        }
    }

    @Test
    void proxyThatIsNotListeningIsUnknown() throws Exception {
        int closed = TlsServer.closedPort(InetAddress.getLoopbackAddress());

        CliRun run = check("--proxy", "127.0.0.1:" + closed, "good.test:" + server.port());

        JsonNode finding = run.target("good.test:" + server.port()).get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("probe.proxy");
        assertThat(finding.get("message").asText()).startsWith("cannot connect to the proxy 127.0.0.1:" + closed
                + " (127.0.0.1 port " + closed + ": Connection refused");
    }

    @Test
    void proxyWhoseNameCannotBeResolvedIsUnknownAndNamed() throws Exception {
        CliRun run = check("--proxy", "no-such-proxy.test:3128", "good.test:" + server.port());

        JsonNode finding = run.target("good.test:" + server.port()).get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("probe.proxy");
        assertThat(finding.get("message").asText())
                .isEqualTo("cannot resolve the proxy no-such-proxy.test: no such host (check --proxy or https_proxy)");
        assertThat(run.exitCode()).isEqualTo(3);
    }

    @Test
    void unsupportedProxyUrlsAreUsageErrors() {
        CliRun tlsProxy = check("--proxy", "https://proxy.test:3128", "good.test");
        CliRun noProxyAlone = check("--no-proxy", "corp.test", "good.test");

        assertThat(tlsProxy.exitCode()).isEqualTo(2);
        assertThat(tlsProxy.err()).contains("--proxy: https:// proxies are not supported, only http:// proxies");
        assertThat(noProxyAlone.exitCode()).isEqualTo(2);
    }
}
