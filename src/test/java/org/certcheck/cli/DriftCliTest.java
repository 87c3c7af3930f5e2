package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.certcheck.demo.TlsServer;
import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 16 item 3 through the command line: a first run against in-process servers writes the
 * baseline; the servers then change certificate, key or issuer (or go away), and the second run
 * shows what changed as drift.* findings and fleet facts. Also --state DIR across two runs.
 */
class DriftCliTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Clock FIRST = Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC);
    private static final Clock SECOND = Clock.fixed(T0.plus(Duration.ofDays(61)), ZoneOffset.UTC);

    private final HeldCertificate root = HeldCertificate.builder(T0).commonName("Drift Root CA")
            .validFor(Duration.ofDays(-100), Duration.ofDays(3650)).certificateAuthority(1).build();
    private final HeldCertificate issuing1 = HeldCertificate.builder(T0).commonName("Drift Issuing CA 1")
            .validFor(Duration.ofDays(-100), Duration.ofDays(1000)).certificateAuthority(0).signedBy(root).build();
    private final HeldCertificate issuing2 = HeldCertificate.builder(T0).commonName("Drift Issuing CA 2")
            .validFor(Duration.ofDays(-100), Duration.ofDays(1000)).certificateAuthority(0).signedBy(root).build();

    @TempDir
    Path temp;

    /**
     * First run: a, b and c serve 90-day certificates from issuing CA 1. Then a renews with its old
     * key from issuing CA 2 for 45 days and without www.corp.test; b renews onto an RSA key; c goes
     * away; d (new) serves a's key under another name, e (new) serves b's certificate.
     */
    private CliRun twoRuns(String... secondOptions) throws Exception {
        HeldCertificate a1 = leaf(issuing1, Duration.ZERO, 90, "a.corp.test", "www.corp.test");
        HeldCertificate b1 = leaf(issuing1, Duration.ZERO, 90, "b.corp.test");
        HeldCertificate c1 = leaf(issuing1, Duration.ZERO, 90, "c.corp.test");
        Path baseline = temp.resolve("baseline.json");
        int a;
        int b;
        int c;
        try (TlsServer sa = serve(0, a1, issuing1); TlsServer sb = serve(0, b1, issuing1);
             TlsServer sc = serve(0, c1, issuing1)) {
            a = sa.port();
            b = sb.port();
            c = sc.port();
            CliRun first = run(FIRST, targets(a, b, c), "-o", "json=" + baseline);
            assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        }
        HeldCertificate a2 = HeldCertificate.builder(T0).commonName("a.corp.test").addSubjectAltName("a.corp.test")
                .validFor(Duration.ofDays(60), Duration.ofDays(45)).keyPair(a1.keyPair()).signedBy(issuing2).build();
        HeldCertificate b2 = HeldCertificate.builder(T0).commonName("b.corp.test").addSubjectAltName("b.corp.test")
                .validFor(Duration.ofDays(60), Duration.ofDays(90)).rsa(2048).signedBy(issuing1).build();
        HeldCertificate d = HeldCertificate.builder(T0).commonName("d.corp.test").addSubjectAltName("d.corp.test")
                .validFor(Duration.ofDays(60), Duration.ofDays(90)).keyPair(a1.keyPair()).signedBy(issuing1).build();
        try (TlsServer sa = serve(a, a2, issuing2); TlsServer sb = serve(b, b2, issuing1);
             TlsServer sd = serve(0, d, issuing1); TlsServer se = serve(0, b2, issuing1)) {
            List<String> targets = new ArrayList<>(targets(a, b, c));
            targets.add("d.corp.test@127.0.0.1:" + sd.port());
            targets.add("b.corp.test@127.0.0.1:" + se.port());
            List<String> options = new ArrayList<>(List.of("--baseline", baseline.toString()));
            options.addAll(List.of(secondOptions));
            return run(SECOND, targets, options.toArray(String[]::new));
        }
    }

    private static List<String> targets(int a, int b, int c) {
        return List.of("a.corp.test@127.0.0.1:" + a, "b.corp.test@127.0.0.1:" + b, "c.corp.test@127.0.0.1:" + c);
    }

    @Test
    void secondRunShowsWhatChangedSinceTheBaseline() throws Exception {
        CliRun run = twoRuns("-o", "json");
        JsonNode targets = run.json().get("targets");
        JsonNode a = targets.get(0);
        JsonNode b = targets.get(1);
        JsonNode c = targets.get(2);

        assertThat(codes(a)).contains("drift.renewed", "drift.key-reused", "drift.names-lost", "drift.issuer-changed",
                "drift.lifetime-changed");
        assertThat(CliRun.message(a, "drift.names-lost")).contains("no longer covers DNS:www.corp.test");
        assertThat(CliRun.message(a, "drift.issuer-changed")).contains("CN=Drift Issuing CA 1", "CN=Drift Issuing CA 2");
        assertThat(CliRun.message(a, "drift.lifetime-changed")).contains("from 90 to 45 days");
        assertThat(a.get("status").asText()).isEqualTo("WARN");
        assertThat(codes(b)).contains("drift.renewed", "drift.key-changed").doesNotContain("drift.issuer-changed",
                "drift.key-reused");
        assertThat(CliRun.message(b, "drift.key-changed")).contains("from EC 256 to RSA 2048");
        assertThat(b.get("status").asText()).isEqualTo("PASS");
        assertThat(codes(c)).contains("drift.unreachable");
        assertThat(c.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(codes(targets.get(3))).contains("drift.new");
        JsonNode fleet = run.json().get("fleet");
        assertThat(fleet.findValuesAsText("kind")).containsExactly("shared-key", "shared-certificate");
        assertThat(fleet.get(0).get("targets").toString()).contains("a.corp.test", "d.corp.test");
        assertThat(fleet.get(1).get("targets").toString()).contains("b.corp.test");
        assertThat(fleet.get(1).get("targets")).hasSize(2);
    }

    @Test
    void tableSummaryCarriesTheFleetFacts() throws Exception {
        CliRun run = twoRuns("-v");
        System.out.println(run.out());

        assertThat(run.out()).contains("fleet: 1 key on hosts that share no name, 1 certificate on several endpoints")
                .contains("drift.issuer-changed");
        assertThat(run.exitCode()).isEqualTo(3);
    }

    @Test
    void failOnDriftRaisesAnIssuerChange() throws Exception {
        CliRun run = twoRuns("-o", "json", "--fail-on-drift", "drift.issuer-changed,drift.names-lost");

        assertThat(run.json().get("targets").get(0).get("status").asText()).isEqualTo("FAIL");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void jsonLinesReportIsABaselineToo() throws Exception {
        HeldCertificate first = leaf(issuing1, Duration.ZERO, 90, "a.corp.test", "www.corp.test");
        HeldCertificate second = leaf(issuing1, Duration.ofDays(60), 20, "a.corp.test");
        Path lines = temp.resolve("baseline.jsonl");
        int port;
        try (TlsServer server = serve(0, first, issuing1)) {
            port = server.port();
            CliRun one = run(FIRST, List.of("a.corp.test@127.0.0.1:" + port), "-o", "jsonl=" + lines);
            assertThat(one.exitCode()).as(one.err()).isZero();
        }
        CliRun two;
        try (TlsServer server = serve(port, second, issuing1)) {
            two = run(SECOND, List.of("a.corp.test@127.0.0.1:" + port), "-o", "json", "--baseline", lines.toString());
        }

        JsonNode target = two.json().get("targets").get(0);
        assertThat(codes(target)).contains("drift.renewed", "drift.names-lost", "drift.expiry-earlier",
                "drift.lifetime-changed");
        assertThat(CliRun.message(target, "drift.expiry-earlier")).contains("expires 2027-01-20", "(2027-01-30)");
    }

    @Test
    void jsonLinesRowsCarryTheirDriftAsTheyAreWritten() throws Exception {
        HeldCertificate first = leaf(issuing1, Duration.ZERO, 90, "a.corp.test", "www.corp.test");
        HeldCertificate second = leaf(issuing1, Duration.ofDays(60), 20, "a.corp.test");
        Path baseline = temp.resolve("first.jsonl");
        Path rows = temp.resolve("second.jsonl");
        int port;
        try (TlsServer server = serve(0, first, issuing1)) {
            port = server.port();
            assertThat(run(FIRST, List.of("a.corp.test@127.0.0.1:" + port), "-o", "jsonl=" + baseline).exitCode())
                    .isZero();
        }
        try (TlsServer server = serve(port, second, issuing1)) {
            CliRun two = run(SECOND, List.of("a.corp.test@127.0.0.1:" + port), "-o", "jsonl=" + rows,
                    "--baseline", baseline.toString());
            assertThat(two.exitCode()).as(two.err()).isZero();
        }

        List<String> lines = Files.readAllLines(rows);
        assertThat(lines).hasSize(1);
        JsonNode row = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
        assertThat(codes(row)).contains("drift.renewed", "drift.names-lost", "drift.expiry-earlier");
    }

    @Test
    void aFileThatIsNoReportIsAUsageError() throws Exception {
        Path notes = Files.writeString(temp.resolve("notes.txt"), "not json at all\n");

        CliRun run = run(FIRST, List.of("a.corp.test@127.0.0.1:1"), "--baseline", notes.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("notes.txt", "not a certcheck JSON or JSONL report");
    }

    @Test
    void newerCertificateOnDiskThanServedIsNotDeployed() throws Exception {
        HeldCertificate old = leaf(issuing1, Duration.ZERO, 90, "a.corp.test", "www.corp.test");
        HeldCertificate renewed = leaf(issuing1, Duration.ofDays(50), 90, "a.corp.test", "www.corp.test");
        HeldCertificate other = leaf(issuing1, Duration.ofDays(50), 90, "b.corp.test");
        Path disk = Files.createDirectories(temp.resolve("etc-ssl"));
        Files.writeString(disk.resolve("a-2026.pem"), old.certificatePem());
        Files.writeString(disk.resolve("a-2027.pem"), renewed.certificatePem());
        Files.writeString(disk.resolve("b.pem"), other.certificatePem());
        CliRun run;
        try (TlsServer stale = serve(0, old, issuing1); TlsServer fresh = serve(0, other, issuing1)) {
            run = run(Clock.fixed(T0.plus(Duration.ofDays(55)), ZoneOffset.UTC),
                    List.of("a.corp.test@127.0.0.1:" + stale.port(), "b.corp.test@127.0.0.1:" + fresh.port()),
                    "-o", "json", "--files", disk.toString());
        }

        JsonNode stale = run.json().get("targets").get(0);
        assertThat(codes(stale)).containsExactly("drift.not-deployed");
        assertThat(CliRun.message(stale, "drift.not-deployed")).contains("DNS:a.corp.test, DNS:www.corp.test",
                "a-2027.pem", "issued 2026-12-21", "still serves the one issued 2026-11-01", "reload the server");
        assertThat(stale.get("status").asText()).isEqualTo("WARN");
        assertThat(codes(run.json().get("targets").get(1))).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void unknownDriftCodeIsAUsageError() throws Exception {
        CliRun run = run(FIRST, List.of("a.corp.test@127.0.0.1:1"), "--fail-on-drift", "drift.nonsense",
                "--baseline", temp.resolve("none.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("drift.nonsense", "drift.renewed");
    }

    @Test
    void stateDirectoryKeepsTheLastReportBetweenRuns() throws Exception {
        Path state = temp.resolve("state");
        HeldCertificate first = leaf(issuing1, Duration.ZERO, 90, "a.corp.test");
        HeldCertificate second = leaf(issuing1, Duration.ofDays(60), 90, "a.corp.test");
        int port;
        CliRun one;
        try (TlsServer server = serve(0, first, issuing1)) {
            port = server.port();
            one = run(FIRST, List.of("a.corp.test@127.0.0.1:" + port), "-o", "json", "--state", state.toString());
        }
        CliRun two;
        try (TlsServer server = serve(port, second, issuing1)) {
            two = run(SECOND, List.of("a.corp.test@127.0.0.1:" + port), "-o", "json", "--state", state.toString());
        }

        assertThat(codes(one.json().get("targets").get(0))).contains("drift.new");
        try (Stream<Path> files = Files.list(state)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement()
                    .satisfies(name -> assertThat(name).matches("hosts-[0-9a-f]{16}\\.json"));
        }
        JsonNode target = two.json().get("targets").get(0);
        assertThat(codes(target)).contains("drift.renewed").doesNotContain("drift.new", "drift.issuer-changed");
        assertThat(target.get("status").asText()).isEqualTo("PASS");
    }

    private HeldCertificate leaf(HeldCertificate issuer, Duration start, int days, String... names) {
        HeldCertificate.Builder builder = HeldCertificate.builder(T0).commonName(names[0])
                .validFor(start, Duration.ofDays(days)).signedBy(issuer);
        Stream.of(names).forEach(builder::addSubjectAltName);
        return builder.build();
    }

    /**
     * A server on {@code port} (0: any), as the replacement of a server just closed there: the port can
     * stay busy for a moment while the old server's last connection closes, so binding is retried.
     */
    private static TlsServer serve(int port, HeldCertificate leaf, HeldCertificate issuer) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return TlsServer.start(LOOPBACK, port, List.of(leaf.certificate(), issuer.certificate()),
                        leaf.privateKey());
            } catch (java.net.BindException e) {
                if (port == 0 || attempt == 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private CliRun run(Clock clock, List<String> targets, String... options) throws Exception {
        Path rootPem = temp.resolve("root.pem");
        Files.writeString(rootPem, root.certificatePem());
        List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "--revocation", "off"));
        args.addAll(List.of(options));
        args.addAll(targets);
        return CliRun.run(clock, Resolver.SYSTEM, args.toArray(String[]::new));
    }

    private static List<String> codes(JsonNode target) {
        return target.get("findings").findValuesAsText("code");
    }
}
