package org.certcheck.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certcheck.demo.TlsServer;
import org.certcheck.input.HostListEntry;
import org.certcheck.input.Target;
import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.report.Status;
import org.certcheck.report.Verdict;
import org.certcheck.testing.HostileServers;
import org.certcheck.testing.RawServer;
import org.certcheck.testing.TestPki;
import org.certcheck.tls.ProbeSettings;
import org.certcheck.tls.Prober;
import org.certcheck.validate.Policy;
import org.certcheck.validate.TrustAnchors;
import org.certcheck.validate.Validator;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's acceptance run: 200 targets, 30 of them hostile (two of each of fifteen kinds, from
 * silent to a megabyte of certificate), checked together. Every good target still passes, every
 * hostile one gets its own reason, and the hostile ones cost about one handshake timeout, not
 * one each. The bound is loose on purpose: this is a hang check, not a benchmark.
 */
class HostileFleetTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Resolver FLEET = host -> {
        if (host.endsWith(".fleet.test")) {
            return List.of(LOOPBACK);
        }
        throw new UnknownHostException(host);
    };
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int GOOD = 170;

    private final TestPki pki = new TestPki();

    @FunctionalInterface
    private interface Hostile {
        RawServer start() throws Exception;
    }

    @Test
    void thirtyHostileServersCostAboutOneTimeoutAndLeaveTheOtherResultsAlone() throws Exception {
        HeldCertificate leaf = pki.leaf("*.fleet.test").build();
        byte[] der = leaf.certificate().getEncoded();
        Map<String, Hostile> kinds = new LinkedHashMap<>();
        kinds.put("probe.not-tls", HostileServers::garbage);
        kinds.put("probe.protocol-error", HostileServers::tlsLookingGarbage);
        kinds.put("probe.closed", HostileServers::acceptAndClose);
        kinds.put("probe.reset", HostileServers::resetMidHandshake);
        kinds.put("probe.tls-alert", HostileServers::fatalAlert);
        kinds.put("probe.handshake-timeout", () -> HostileServers.trickle(1000));
        kinds.put("probe.limit-exceeded", () -> HostileServers.chainOf(200, der));
        kinds.put("probe.bad-certificate", () -> HostileServers.certificates(List.of(Arrays.copyOf(der, 100))));
        List<Map.Entry<String, Hostile>> hostile = new ArrayList<>(kinds.entrySet());
        hostile.add(Map.entry("probe.not-tls", HostileServers::http));
        hostile.add(Map.entry("probe.limit-exceeded", () -> HostileServers.hugeCertificateMessage(1 << 20)));
        hostile.add(Map.entry("probe.limit-exceeded", HostileServers::flood));
        hostile.add(Map.entry("probe.limit-exceeded", () -> HostileServers.chainOf(11, der)));
        hostile.add(Map.entry("probe.bad-certificate", () -> HostileServers.certificates(List.of())));
        hostile.add(Map.entry("probe.handshake-timeout", () -> new RawServer(connection -> {
            connection.getInputStream().readAllBytes(); // silent: reads, never answers
        })));
        hostile.add(Map.entry("probe.handshake-timeout", () -> HostileServers.trickle(400)));

        List<RawServer> servers = new ArrayList<>();
        try (TlsServer good = TlsServer.start(LOOPBACK, List.of(leaf.certificate(), pki.intermediate.certificate()),
                leaf.privateKey())) {
            List<HostListEntry> goodOnly = new ArrayList<>();
            for (int i = 1; i <= GOOD; i++) {
                goodOnly.add(new Target("h" + i + ".fleet.test", good.port(), "good"));
            }
            List<HostListEntry> mixed = new ArrayList<>(goodOnly);
            Map<String, String> expectedCodes = new LinkedHashMap<>();
            for (int copy = 0; copy < 2; copy++) {
                for (Map.Entry<String, Hostile> kind : hostile) {
                    RawServer server = kind.getValue().start();
                    servers.add(server);
                    // Spread through the list, so hostile targets start among the good ones.
                    Target target = new Target("x" + servers.size() + ".fleet.test", server.port(), "hostile");
                    mixed.add(1 + servers.size() * 5, target);
                    expectedCodes.put(target.display(), kind.getKey());
                }
            }
            assertThat(mixed).hasSize(200);

            Duration goodAlone = timed(() -> fleet().run(goodOnly, pki.now)).elapsed();
            Timed<List<Verdict>> run = timed(() -> fleet().run(mixed, pki.now));

            List<Verdict> verdicts = run.value();
            assertThat(verdicts).filteredOn(v -> v.origin().equals("good")).hasSize(GOOD)
                    .allSatisfy(v -> assertThat(v.status()).as(v.target()).isEqualTo(Status.PASS));
            assertThat(verdicts).filteredOn(v -> v.origin().equals("hostile")).hasSize(30).allSatisfy(v -> {
                assertThat(v.status()).as(v.target()).isEqualTo(Status.UNKNOWN);
                assertThat(v.findings()).as(v.target()).singleElement().satisfies(finding ->
                        assertThat(finding.code().code()).isEqualTo(expectedCodes.get(v.target())));
                // Waiting for a CPU behind the good handshakes is not the server's time (see
                // EngineHandshake), so only the wall-clock backstop bounds a single target.
                assertThat(v.elapsed()).as(v.target()).isLessThan(TIMEOUT.multipliedBy(3).plusSeconds(5));
            });
            System.out.printf("HostileFleetTest: %d good alone %d ms; with 30 hostile %d ms (timeout %d ms)%n",
                    GOOD, goodAlone.toMillis(), run.elapsed().toMillis(), TIMEOUT.toMillis());
            assertThat(run.elapsed()).isLessThan(goodAlone.plus(TIMEOUT.multipliedBy(2)).plusSeconds(5));
        } finally {
            for (RawServer server : servers) {
                server.close();
            }
        }
    }

    private FleetCheck fleet() {
        Validator validator = new Validator(new TrustAnchors(List.of(pki.root.certificate()), "test root"),
                Policy.DEFAULT);
        return new FleetCheck(new Prober(new ProbeSettings(Duration.ofSeconds(5), TIMEOUT), FLEET), validator, 256);
    }

    private record Timed<T>(T value, Duration elapsed) {
    }

    private static <T> Timed<T> timed(java.util.concurrent.Callable<T> work) throws Exception {
        long start = System.nanoTime();
        T value = work.call();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }
}
