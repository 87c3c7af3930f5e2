package org.certcheck.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.certcheck.input.HostListEntry;
import org.certcheck.input.Target;
import org.certcheck.run.FleetCheck;
import org.certcheck.testing.RawServer;
import org.certcheck.testing.TestPki;
import org.certcheck.tls.ProbeSettings;
import org.certcheck.tls.Prober;
import org.certcheck.validate.Policy;
import org.certcheck.validate.TrustAnchors;
import org.certcheck.validate.Validator;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Resolver ALL_LOOPBACK = host -> {
        if (host.endsWith(".lb.test")) {
            return List.of(LOOPBACK);
        }
        throw new UnknownHostException(host);
    };

    private final TestPki pki = new TestPki();

    /** A "load balancer" that holds each connection a moment and counts how many are open at once. */
    private static RawServer countingServer(AtomicInteger open, AtomicInteger peak) throws Exception {
        return new RawServer(connection -> {
            peak.accumulateAndGet(open.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
            } finally {
                open.decrementAndGet();
            }
        });
    }

    private List<HostListEntry> names(int count, int port) {
        List<HostListEntry> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            targets.add(new Target("name" + i + ".lb.test", port, "test"));
        }
        return targets;
    }

    private FleetCheck fleet(ConnectionLimits limits) {
        Prober prober = new Prober(new ProbeSettings(Duration.ofSeconds(5), Duration.ofSeconds(5)), ALL_LOOPBACK, limits);
        return new FleetCheck(prober, new Validator(new TrustAnchors(List.of(pki.root.certificate()), "test"),
                Policy.DEFAULT), 64);
    }

    @Test
    void manyNamesOnOneAddressGetAtMostThePerAddressLimitOfConnections() throws Exception {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        try (RawServer server = countingServer(open, peak)) {
            fleet(new ConnectionLimits(3, 0)).run(names(20, server.port()), pki.now);
        }

        assertThat(peak.get()).isBetween(1, 3);
    }

    @Test
    void withoutLimitsTheSameNamesConnectTogether() throws Exception {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        try (RawServer server = countingServer(open, peak)) {
            fleet(ConnectionLimits.NONE).run(names(20, server.port()), pki.now);
        }

        assertThat(peak.get()).isGreaterThan(3);
    }

    /** A lower bound only: ten starts at 20 per second cannot take less than 9 intervals of 50 ms. */
    @Test
    void globalRateSpacesOutConnectionStarts() throws Exception {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        try (RawServer server = countingServer(open, peak)) {
            long start = System.nanoTime();
            fleet(new ConnectionLimits(0, 20)).run(names(10, server.port()), pki.now);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(440));
        }
    }
}
