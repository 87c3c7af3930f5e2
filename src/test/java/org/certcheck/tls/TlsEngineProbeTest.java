package org.certcheck.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.certcheck.input.Target;
import org.certcheck.net.ConnectionLimits;
import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.ConscryptServer;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.Test;

/** Which engine made a handshake, and which group it agreed on (issue 15 items 1 and 2). */
class TlsEngineProbeTest {
    private static final ProbeSettings QUICK = new ProbeSettings(Duration.ofSeconds(2), Duration.ofSeconds(3));

    private final TestPki pki = new TestPki();

    private static Prober prober(TlsEngine engine) {
        return new Prober(QUICK, Resolver.SYSTEM, ConnectionLimits.NONE, Reach.DEFAULT, engine);
    }

    private ProbeResult probe(TlsEngine engine, List<String> serverGroups) throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").build();
        try (ConscryptServer server = ConscryptServer.start(serverGroups, leaf, pki.intermediate)) {
            return prober(engine).probe(new Target("good.test", server.port(), "test"));
        }
    }

    @Test
    void conscryptAgreesOnTheHybridGroupWithAServerThatAcceptsOnlyIt() throws Exception {
        ProbeResult result = probe(TlsEngine.CONSCRYPT, List.of("X25519MLKEM768"));

        assertThat(result).isInstanceOfSatisfying(Handshake.class, handshake -> {
            assertThat(handshake.engine()).isEqualTo(EngineRun.CONSCRYPT);
            assertThat(handshake.keyExchange()).contains(new KeyExchange("X25519MLKEM768", 255));
            assertThat(handshake.keyExchange().get().postQuantum()).isTrue();
        });
    }

    @Test
    void serverWithBothGroupsAgreesOnTheHybridWithConscryptAndOnX25519WithTheJdk() throws Exception {
        // BoringSSL as a server picks by its own order among the client's key shares, as current servers do.
        List<String> both = List.of("X25519MLKEM768", "X25519");

        assertThat(probe(TlsEngine.CONSCRYPT, both)).isInstanceOfSatisfying(Handshake.class, handshake ->
                assertThat(handshake.keyExchange().map(KeyExchange::group)).contains("X25519MLKEM768"));
        assertThat(probe(TlsEngine.JDK, both)).isInstanceOfSatisfying(Handshake.class, handshake -> {
            assertThat(handshake.engine()).isEqualTo(EngineRun.JDK);
            assertThat(handshake.keyExchange().map(KeyExchange::group)).contains("x25519");
        });
    }

    @Test
    void classicalServerGetsAClassicalGroup() throws Exception {
        ProbeResult result = probe(TlsEngine.CONSCRYPT, List.of("P-384"));

        assertThat(result).isInstanceOfSatisfying(Handshake.class, handshake -> {
            assertThat(handshake.keyExchange()).contains(new KeyExchange("secp384r1", 384));
            assertThat(handshake.keyExchange().get().postQuantum()).isFalse();
        });
    }

    @Test
    void jdkCannotOfferTheHybridGroupSoAHybridOnlyServerRefusesIt() throws Exception {
        ProbeResult result = probe(TlsEngine.JDK, List.of("X25519MLKEM768"));

        assertThat(result).isInstanceOf(ProbeFailure.class);
    }

    @Test
    void autoRunsConscryptWhereItsNativeLibraryLoads() {
        assertThat(ConscryptProvider.available()).isTrue();
        assertThat(TlsEngine.AUTO.resolved()).isEqualTo(TlsEngine.CONSCRYPT);
        assertThat(TlsEngine.AUTO.describe()).isEqualTo("conscrypt 2.7.0 (BoringSSL)");
    }
}
