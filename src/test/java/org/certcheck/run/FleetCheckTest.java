package org.certcheck.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.demo.TlsServer;
import org.certcheck.input.HostListEntry;
import org.certcheck.input.InputProblem;
import org.certcheck.input.Target;
import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.report.Status;
import org.certcheck.report.Verdict;
import org.certcheck.testing.TestPki;
import org.certcheck.tls.ProbeSettings;
import org.certcheck.tls.Prober;
import org.certcheck.validate.Policy;
import org.certcheck.validate.TrustAnchors;
import org.certcheck.validate.Validator;
import org.junit.jupiter.api.Test;

class FleetCheckTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Maps every *.fleet.test name to loopback, so hundreds of names need no hosts file. */
    private static final Resolver FLEET = host -> {
        if (host.endsWith(".fleet.test")) {
            return List.of(LOOPBACK);
        }
        throw new UnknownHostException(host);
    };

    private final TestPki pki = new TestPki();
    private final Validator validator = new Validator(
            new TrustAnchors(List.of(pki.root.certificate()), "test root"), Policy.DEFAULT);

    @Test
    void verdictsComeBackInInputOrderWithBadLinesInPlace() throws Exception {
        HeldCertificate leaf = pki.leaf("*.fleet.test").build();
        try (TlsServer server = TlsServer.start(LOOPBACK, List.of(leaf.certificate(), pki.intermediate.certificate()),
                leaf.privateKey())) {
            List<HostListEntry> entries = List.of(
                    new Target("a.fleet.test", server.port(), "hosts.txt:1"),
                    new InputProblem("hosts.txt:2", "web:99999", "port out of range (1-65535)"),
                    new Target("b.fleet.test", server.port(), "hosts.txt:3"),
                    new Target("missing.example", 443, "hosts.txt:4"));

            List<Verdict> verdicts = fleet(Duration.ofSeconds(5), 4).run(entries, pki.now);

            assertThat(verdicts).extracting(Verdict::origin)
                    .containsExactly("hosts.txt:1", "hosts.txt:2", "hosts.txt:3", "hosts.txt:4");
            assertThat(verdicts).extracting(Verdict::status)
                    .containsExactly(Status.PASS, Status.UNKNOWN, Status.PASS, Status.UNKNOWN);
        }
    }

    /**
     * 200 good hosts plus 20 that accept TCP and never answer: the silent ones time out side by
     * side, so they add about one handshake timeout to the run, not twenty. The bound is loose on
     * purpose (this is a hang check, not a benchmark; see bench/silent-hosts.sh for figures).
     */
    @Test
    void silentHostsCostAboutOneHandshakeTimeoutNotOneEach() throws Exception {
        Duration timeout = Duration.ofSeconds(3);
        HeldCertificate leaf = pki.leaf("*.fleet.test").build();
        try (TlsServer good = TlsServer.start(LOOPBACK, List.of(leaf.certificate(), pki.intermediate.certificate()),
                leaf.privateKey());
             TlsServer silent = TlsServer.silent(LOOPBACK)) {
            List<HostListEntry> entries = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                entries.add(new Target("h" + i + ".fleet.test", good.port(), "good"));
            }
            for (int i = 1; i <= 20; i++) {
                entries.add(new Target("s" + i + ".fleet.test", silent.port(), "silent"));
            }

            long start = System.nanoTime();
            List<Verdict> verdicts = fleet(timeout, 256).run(entries, pki.now);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(verdicts.subList(0, 200)).allSatisfy(v -> assertThat(v.status()).isEqualTo(Status.PASS));
            assertThat(verdicts.subList(200, 220)).allSatisfy(v ->
                    assertThat(v.findings().get(0).code().code()).isEqualTo("probe.handshake-timeout"));
            assertThat(elapsed).isLessThan(timeout.multipliedBy(5));
        }
    }

    @Test
    void eachVerdictArrivesAsItsCheckEndsWhileTheListStaysInInputOrder() throws Exception {
        HeldCertificate leaf = pki.leaf("*.fleet.test").build();
        try (TlsServer good = TlsServer.start(LOOPBACK, List.of(leaf.certificate(), pki.intermediate.certificate()),
                leaf.privateKey());
             TlsServer silent = TlsServer.silent(LOOPBACK)) {
            List<HostListEntry> entries = List.of(
                    new Target("slow.fleet.test", silent.port(), "hosts.txt:1"),
                    new Target("fast.fleet.test", good.port(), "hosts.txt:2"),
                    new InputProblem("hosts.txt:3", "web:99999", "port out of range (1-65535)"));
            List<String> arrivals = java.util.Collections.synchronizedList(new ArrayList<>());

            List<Verdict> verdicts = fleet(Duration.ofSeconds(1), 4).run(entries, pki.now,
                    verdict -> arrivals.add(verdict.origin()));

            assertThat(arrivals).containsExactly("hosts.txt:3", "hosts.txt:2", "hosts.txt:1");
            assertThat(verdicts).extracting(Verdict::origin)
                    .containsExactly("hosts.txt:1", "hosts.txt:2", "hosts.txt:3");
        }
    }

    @Test
    void aFailingListenerEndsTheRunWithItsOwnException() {
        List<HostListEntry> entries = List.of(new InputProblem("hosts.txt:1", "web:99999", "port out of range"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fleet(Duration.ofSeconds(1), 1).run(entries, pki.now,
                        verdict -> {
                            throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
                        }))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("disk full");
    }

    private FleetCheck fleet(Duration handshakeTimeout, int concurrency) {
        return new FleetCheck(new Prober(new ProbeSettings(Duration.ofSeconds(5), handshakeTimeout), FLEET),
                validator, concurrency);
    }
}
