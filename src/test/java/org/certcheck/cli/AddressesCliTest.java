package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.ServerContexts;
import org.certcheck.testing.StartTlsServer;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which address is probed and which name is sent, through the real command line: every address of
 * a name (multi.test is 127.0.0.2 and 127.0.0.3 in test-hosts), name@address, --resolve, -4/-6
 * (dual.test is 127.0.0.1 and ::1), --sni and --no-sni.
 */
class AddressesCliTest {
    private static final InetAddress SECOND = address("127.0.0.2");
    private static final InetAddress THIRD = address("127.0.0.3");

    private final TestPki pki = new TestPki();

    @TempDir
    Path temp;
    private Path rootPem;

    @BeforeEach
    void writeRoot() throws Exception {
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
    }

    private CliRun check(String... arguments) {
        List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "-o", "json",
                "--connect-timeout", "5s", "--handshake-timeout", "10s",
                "--revocation", "off")); // these tests are about reaching servers, not revocation
        args.addAll(List.of(arguments));
        return CliRun.run(args.toArray(String[]::new));
    }

    private StartTlsServer serve(InetSocketAddress where, HeldCertificate leaf) throws Exception {
        return StartTlsServer.start(where, ServerContexts.serving(leaf, pki.intermediate), StartTlsServer.DIRECT_TLS);
    }

    @Test
    void everyAddressGetsItsOwnRowAndDifferentCertificatesAreAWarning() throws Exception {
        HeldCertificate first = pki.leaf("multi.test").build();
        HeldCertificate second = pki.leaf("multi.test").build();
        try (StartTlsServer a = serve(new InetSocketAddress(SECOND, 0), first);
             StartTlsServer b = serve(new InetSocketAddress(THIRD, a.port()), second)) {
            CliRun run = check("--all-addresses", "multi.test:" + a.port());

            JsonNode rowA = run.target("multi.test@127.0.0.2:" + a.port());
            JsonNode rowB = run.target("multi.test@127.0.0.3:" + a.port());
            assertThat(run.json().get("targets")).hasSize(2);
            for (JsonNode row : List.of(rowA, rowB)) {
                assertThat(row.get("status").asText()).as(run.out()).isEqualTo("WARN");
                assertThat(CliRun.engineNeutralCodes(row.get("findings"))).containsExactly("host.addresses-differ");
                assertThat(row.get("findings").findParents("code").stream()
                        .filter(finding -> finding.get("code").asText().equals("host.addresses-differ"))
                        .findFirst().orElseThrow().get("message").asText())
                        .startsWith("the 2 addresses of multi.test serve 2 different certificates: 127.0.0.2:"
                                + a.port() + " serves SHA-256 ")
                        .contains("; 127.0.0.3:" + a.port() + " serves SHA-256 ");
            }
            assertThat(rowA.get("connection").get("address").asText()).isEqualTo("127.0.0.2:" + a.port());
            assertThat(rowB.get("certificate").get("sha256").asText())
                    .isNotEqualTo(rowA.get("certificate").get("sha256").asText());
            assertThat(a.serverNames(1)).containsExactly(List.of("multi.test"));
            assertThat(b.serverNames(1)).containsExactly(List.of("multi.test"));
            assertThat(run.exitCode()).isZero();
        }
    }

    @Test
    void addressesServingTheSameCertificatePass() throws Exception {
        HeldCertificate leaf = pki.leaf("multi.test").build();
        try (StartTlsServer a = serve(new InetSocketAddress(SECOND, 0), leaf);
             StartTlsServer b = serve(new InetSocketAddress(THIRD, a.port()), leaf)) {
            CliRun run = check("--all-addresses", "multi.test:" + a.port());

            assertThat(run.json().get("targets")).hasSize(2);
            assertThat(run.json().get("targets").findValuesAsText("status")).containsOnly("PASS");
            assertThat(run.exitCode()).isZero();
        }
    }

    @Test
    void withoutAllAddressesANameIsOneRow() throws Exception {
        HeldCertificate leaf = pki.leaf("multi.test").build();
        try (StartTlsServer a = serve(new InetSocketAddress(SECOND, 0), leaf);
             StartTlsServer b = serve(new InetSocketAddress(THIRD, a.port()), leaf)) {
            CliRun run = check("multi.test:" + a.port());

            assertThat(run.json().get("targets")).hasSize(1);
            assertThat(run.target("multi.test:" + a.port()).get("status").asText()).isEqualTo("PASS");
        }
    }

    @Test
    void nameAtAddressConnectsThereAndChecksTheName() throws Exception {
        try (StartTlsServer server = serve(new InetSocketAddress(THIRD, 0), pki.leaf("intranet.corp.test").build())) {
            CliRun run = check("intranet.corp.test@127.0.0.3:" + server.port());

            JsonNode row = run.target("intranet.corp.test@127.0.0.3:" + server.port());
            assertThat(row.get("status").asText()).as(run.out()).isEqualTo("PASS");
            assertThat(row.get("connection").get("address").asText()).isEqualTo("127.0.0.3:" + server.port());
            assertThat(server.serverNames(1)).containsExactly(List.of("intranet.corp.test"));
        }
    }

    @Test
    void resolveOptionPointsANameAtAnAddressLikeCurl() throws Exception {
        try (StartTlsServer server = serve(new InetSocketAddress(THIRD, 0), pki.leaf("intranet.corp.test").build())) {
            CliRun run = check("--resolve", "intranet.corp.test:" + server.port() + ":127.0.0.3",
                    "intranet.corp.test:" + server.port());

            assertThat(run.target("intranet.corp.test@127.0.0.3:" + server.port()).get("status").asText())
                    .as(run.out()).isEqualTo("PASS");
        }
    }

    @Test
    void ipv6OnlyUsesTheIpv6AddressOfAName() throws Exception {
        try (StartTlsServer server = serve(new InetSocketAddress(address("::1"), 0), pki.leaf("dual.test").build())) {
            CliRun v6 = check("-6", "dual.test:" + server.port());
            CliRun v4 = check("-4", "dual.test:" + server.port());

            JsonNode row = v6.target("dual.test:" + server.port());
            assertThat(row.get("status").asText()).as(v6.out()).isEqualTo("PASS");
            assertThat(row.get("connection").get("address").asText()).isEqualTo("[::1]:" + server.port());
            assertThat(CliRun.engineNeutralCodes(v4.target("dual.test:" + server.port()).get("findings")))
                    .containsExactly("probe.refused");
        }
    }

    @Test
    void aNameWithoutAnAddressOfTheFamilyAskedForIsADnsProblem() {
        CliRun run = check("-6", "good.test:443");

        JsonNode finding = run.target("good.test:443").get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("probe.dns");
        assertThat(finding.get("message").asText()).isEqualTo("good.test has no IPv6 address (only 127.0.0.1):"
                + " drop -6 for this target, or check its DNS records");
        assertThat(run.exitCode()).isEqualTo(3);
    }

    @Test
    void sniOptionSendsThatNameAndNoSniSendsNone() throws Exception {
        try (StartTlsServer server = serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                pki.leaf("good.test").build())) {
            CliRun fixed = check("--sni", "Other.Test", "good.test:" + server.port());
            CliRun none = check("--no-sni", "good.test:" + server.port());

            assertThat(fixed.target("good.test:" + server.port()).get("status").asText()).isEqualTo("PASS");
            assertThat(none.target("good.test:" + server.port()).get("status").asText()).isEqualTo("PASS");
            assertThat(server.serverNames(2)).containsExactlyInAnyOrder(List.of("other.test"), List.of());
        }
    }

    @Test
    void contradictoryOrMalformedAddressOptionsAreUsageErrors() {
        assertThat(check("-4", "-6", "good.test").exitCode()).isEqualTo(2);
        assertThat(check("--sni", "a.test", "--no-sni", "good.test").exitCode()).isEqualTo(2);
        CliRun badResolve = check("--resolve", "good.test:443:not-an-address", "good.test");
        assertThat(badResolve.exitCode()).isEqualTo(2);
        assertThat(badResolve.err()).contains("--resolve \"good.test:443:not-an-address\": \"not-an-address\" is not an IP address");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
