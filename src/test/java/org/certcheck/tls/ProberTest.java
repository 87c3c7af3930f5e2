package org.certcheck.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.certcheck.demo.TlsServer;
import org.certcheck.input.Target;
import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.RawServer;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.Test;

class ProberTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final ProbeSettings QUICK = new ProbeSettings(Duration.ofSeconds(2), Duration.ofSeconds(1));

    private final TestPki pki = new TestPki();
    private final Prober prober = new Prober(QUICK, Resolver.SYSTEM);

    private static Target target(String host, int port) {
        return new Target(host, port, "test");
    }

    @Test
    void handshakeRecordsTheChainExactlyAsSentWithProtocolAndCipher() throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").build();
        List<X509Certificate> sent = List.of(leaf.certificate(), pki.root.certificate(), pki.intermediate.certificate());
        try (TlsServer server = TlsServer.start(LOOPBACK, sent, leaf.privateKey())) {
            ProbeResult result = prober.probe(target("good.test", server.port()));

            assertThat(result).isInstanceOfSatisfying(Handshake.class, handshake -> {
                assertThat(handshake.chain()).containsExactlyElementsOf(sent);
                assertThat(handshake.protocol()).isEqualTo("TLSv1.3");
                assertThat(handshake.cipherSuite()).startsWith("TLS_");
                assertThat(handshake.peer().getPort()).isEqualTo(server.port());
                assertThat(handshake.handshakeError()).isEmpty();
            });
        }
    }

    @Test
    void serverThatDemandsAClientCertificateStillHasItsChainCaptured() throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").build();
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", leaf.privateKey(), new char[0],
                new X509Certificate[] {leaf.certificate(), pki.intermediate.certificate()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
        keys.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5, LOOPBACK)) {
            server.setNeedClientAuth(true);
            // In TLS 1.2 the client learns of the rejection inside the handshake; in TLS 1.3 only afterwards.
            server.setEnabledProtocols(new String[] {"TLSv1.2"});
            Thread thread = new Thread(() -> {
                try (SSLSocket connection = (SSLSocket) server.accept()) {
                    connection.startHandshake();
                } catch (Exception expected) {
                    // The client has no certificate: the handshake fails on the server's side too.
                }
            });
            thread.setDaemon(true);
            thread.start();

            ProbeResult result = prober.probe(target("good.test", server.getLocalPort()));

            assertThat(result).isInstanceOfSatisfying(Handshake.class, handshake -> {
                assertThat(handshake.leaf()).isEqualTo(leaf.certificate());
                assertThat(handshake.protocol()).isEqualTo("TLSv1.2");
                assertThat(handshake.handshakeError()).isPresent();
            });
        }
    }

    @Test
    void closedPortIsRefused() throws Exception {
        ProbeResult result = prober.probe(target("127.0.0.1", TlsServer.closedPort(LOOPBACK)));

        assertFailure(result, ProbeFailure.Kind.REFUSED, "connection refused by 127.0.0.1 port");
    }

    @Test
    void unknownNameIsADnsFailureWithoutAnyQuery() {
        ProbeResult result = prober.probe(target("no-such-name.test", 443));

        assertFailure(result, ProbeFailure.Kind.DNS, "cannot resolve no-such-name.test");
    }

    @Test
    void resolverThatNeverAnswersCostsTheProbeOnlyItsConnectTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        Resolver hanging = host -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        };

        ProbeResult result = new Prober(QUICK, hanging).probe(target("slow-dns.test", 443));

        assertFailure(result, ProbeFailure.Kind.DNS, "name resolution for slow-dns.test took longer than 2 s");
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(10));
        never.countDown();
    }

    @Test
    void resolverErrorIsADnsFailureThatSaysWhatTheResolverSaid() {
        Resolver broken = host -> {
            throw new IllegalStateException("resolver configuration unreadable");
        };

        ProbeResult result = new Prober(QUICK, broken).probe(target("web.test", 443));

        assertFailure(result, ProbeFailure.Kind.DNS, "cannot resolve web.test: resolver configuration unreadable");
    }

    @Test
    void silentServerTimesOutWithinTheHandshakeTimeout() throws Exception {
        try (TlsServer silent = TlsServer.silent(LOOPBACK)) {
            ProbeResult result = prober.probe(target("127.0.0.1", silent.port()));

            assertFailure(result, ProbeFailure.Kind.HANDSHAKE_TIMEOUT, "no TLS handshake within 1 s");
            assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void serverTricklingOneByteAtATimeIsBoundedByTheHandshakeTimeout() throws Exception {
        try (RawServer trickle = new RawServer(connection -> {
            connection.getInputStream().read(new byte[2048]);
            byte[] handshakeRecordHeader = {0x16, 0x03, 0x03, 0x40, 0x00};
            for (int i = 0; ; i++) {
                connection.getOutputStream().write(i < 5 ? handshakeRecordHeader[i] : 0);
                connection.getOutputStream().flush();
                Thread.sleep(200);
            }
        })) {
            ProbeResult result = prober.probe(target("127.0.0.1", trickle.port()));

            assertFailure(result, ProbeFailure.Kind.HANDSHAKE_TIMEOUT, "bytes in 1 s and did not finish the TLS handshake");
            assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void plainHttpServerIsNotTls() throws Exception {
        try (TlsServer http = TlsServer.plainHttp(LOOPBACK)) {
            assertFailure(prober.probe(target("127.0.0.1", http.port())), ProbeFailure.Kind.NOT_TLS, "not with TLS");
        }
    }

    @Test
    void fatalAlertIsReportedByName() throws Exception {
        try (RawServer alerting = new RawServer(connection -> {
            connection.getInputStream().read(new byte[4096]);
            // TLS record: alert, TLS 1.2, length 2, fatal (2), handshake_failure (40)
            connection.getOutputStream().write(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28});
            connection.getOutputStream().flush();
            connection.getInputStream().read();
        })) {
            assertFailure(prober.probe(target("127.0.0.1", alerting.port())), ProbeFailure.Kind.TLS_ALERT,
                    "handshake_failure");
        }
    }

    @Test
    void serverClosingAtOnceIsReportedAsClosed() throws Exception {
        try (RawServer closing = new RawServer(connection -> { })) {
            ProbeResult result = prober.probe(target("127.0.0.1", closing.port()));

            assertThat(result).isInstanceOf(ProbeFailure.class);
            assertThat(((ProbeFailure) result).kind()).isIn(ProbeFailure.Kind.CLOSED, ProbeFailure.Kind.RESET);
        }
    }

    @Test
    void resetDuringHandshakeIsReportedAsReset() throws Exception {
        try (RawServer resetting = new RawServer(connection -> {
            InputStream in = connection.getInputStream();
            in.read(new byte[16]);
            connection.setSoLinger(true, 0);
        })) {
            assertFailure(prober.probe(target("127.0.0.1", resetting.port())), ProbeFailure.Kind.RESET, "reset");
        }
    }

    private static void assertFailure(ProbeResult result, ProbeFailure.Kind kind, String messagePart) {
        assertThat(result).isInstanceOfSatisfying(ProbeFailure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(kind);
            assertThat(failure.message()).contains(messagePart);
        });
    }
}
