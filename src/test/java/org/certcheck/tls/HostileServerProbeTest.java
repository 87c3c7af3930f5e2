package org.certcheck.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.certcheck.demo.TlsServer;
import org.certcheck.input.Target;
import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.HostileServers;
import org.certcheck.testing.RawServer;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.Test;

/**
 * What a hostile server costs a probe: time within the handshake timeout, memory independent of
 * what the server sends. Memory is measured as the bytes the probing thread allocates (the probe
 * runs on the caller's thread for an IP literal), which bounds what it can hold.
 */
class HostileServerProbeTest {
    private static final ProbeSettings QUICK = new ProbeSettings(Duration.ofSeconds(2), Duration.ofSeconds(2));
    private static final long MIB = 1 << 20;
    /** The largest length a TLS handshake header can declare (24 bits). */
    private static final int MAX_HANDSHAKE_MESSAGE = (1 << 24) - 1;

    private final Prober prober = new Prober(QUICK, Resolver.SYSTEM);

    @Test
    void certificateMessageOfSixteenMebibytesIsRefusedWithoutBeingRead() throws Exception {
        try (RawServer huge = HostileServers.hugeCertificateMessage(MAX_HANDSHAKE_MESSAGE)) {
            Measured measured = probe(huge);

            assertThat(measured.result()).isInstanceOfSatisfying(ProbeFailure.class, failure -> {
                assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.LIMIT_EXCEEDED);
                assertThat(failure.message()).contains("message of 16777215 bytes (16383 KiB)");
            });
            assertThat(measured.allocatedBytes()).isLessThan(16 * MIB);
        }
    }

    @Test
    void floodOfSmallRecordsIsCutOffAfterOneMebibyte() throws Exception {
        try (RawServer flood = HostileServers.flood()) {
            Measured measured = probe(flood);

            assertThat(measured.result()).isInstanceOfSatisfying(ProbeFailure.class, failure -> {
                assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.LIMIT_EXCEEDED);
                assertThat(failure.message()).startsWith("the server sent more than 1024 KiB without finishing");
                assertThat(failure.elapsed()).isLessThan(QUICK.handshakeTimeout().plusSeconds(1));
            });
        }
    }

    @Test
    void tricklingServerIsToldApartFromASilentOne() throws Exception {
        try (RawServer trickle = HostileServers.trickle(300)) {
            Measured measured = probe(trickle);

            assertThat(measured.result()).isInstanceOfSatisfying(ProbeFailure.class, failure -> {
                assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.HANDSHAKE_TIMEOUT);
                assertThat(failure.message()).matches("the server sent only \\d+ bytes in 2 s and did not finish the"
                        + " TLS handshake \\(it trickles its answer, or is overloaded\\)");
                assertThat(failure.elapsed()).isLessThan(QUICK.handshakeTimeout().plusSeconds(2));
            });
        }
    }

    /** The same limits hold for TLS 1.3, whose Certificate message is encrypted: a real JSSE server sends it. */
    @Test
    void tls13ServerSendingTooManyCertificatesHitsTheLimitsToo() throws Exception {
        TestPki pki = new TestPki();
        HeldCertificate leaf = pki.leaf("good.test").build();
        for (int count : new int[] {11, 200}) {
            List<X509Certificate> chain = new ArrayList<>(List.of(leaf.certificate()));
            chain.addAll(Collections.nCopies(count - 1, pki.intermediate.certificate()));
            try (TlsServer server = TlsServer.start(InetAddress.getLoopbackAddress(), chain, leaf.privateKey())) {
                ProbeResult result = prober.probe(new Target("127.0.0.1", server.port(), "test"));

                assertThat(result).as("%d certificates", count).isInstanceOfSatisfying(ProbeFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.LIMIT_EXCEEDED);
                    assertThat(failure.message()).contains("a chain of at least 11 certificates");
                });
            }
        }
    }

    private record Measured(ProbeResult result, long allocatedBytes) {
    }

    private Measured probe(RawServer server) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ProbeResult result = prober.probe(new Target("127.0.0.1", server.port(), "test"));
        return new Measured(result, threads.getCurrentThreadAllocatedBytes() - before);
    }
}
