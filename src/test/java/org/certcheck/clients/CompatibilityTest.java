package org.certcheck.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.tls.KeyExchange;
import org.junit.jupiter.api.Test;

/** The rules of each client profile, on facts as the probe and validator report them. */
class CompatibilityTest {
    private static final Instant ISSUED = Instant.parse("2026-06-01T00:00:00Z");
    private static final String ENTRUST_G2 = "43:DF:57:74:B0:3E:7F:EF:5F:E4:0D:93:1A:7B:ED:F1:BB:2E:6B:42:73:8C:4E:6D:38:41:10:3D:3A:A7:F3:39";

    private static ClientFacts modern() {
        return new ClientFacts("TLSv1.3", "TLS_AES_128_GCM_SHA256", Optional.of(new KeyExchange("x25519", 255)),
                Optional.empty(), "RSA", 2048, ISSUED, Optional.empty(), false, false, false);
    }

    private static ClientFacts with(String protocol, String suite, Optional<KeyExchange> group, String keyType, int bits) {
        return new ClientFacts(protocol, suite, group, Optional.empty(), keyType, bits, ISSUED, Optional.empty(), false,
                false, false);
    }

    private static List<String> summaries(ClientFacts facts) {
        return Compatibility.DEFAULT.judge(facts).stream().map(ClientOutcome::summary).toList();
    }

    @Test
    void modernServerSuitsEveryClient() {
        assertThat(summaries(modern())).containsExactly("jdk17 ok", "jdk21 ok", "jdk25 ok", "openssl-l1 ok",
                "openssl-l2 ok", "browsers ok");
    }

    @Test
    void rsaKeyExchangeOnlyIsRefusedByTheJdksAlone() {
        ClientFacts facts = with("TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256", Optional.empty(), "RSA", 2048);

        assertThat(summaries(facts)).containsExactly("jdk17 no (TLS_RSA only)", "jdk21 no (TLS_RSA only)",
                "jdk25 no (TLS_RSA only)", "openssl-l1 ok", "openssl-l2 ok", "browsers ok");
    }

    @Test
    void tls11IsRefusedByEveryCurrentClient() {
        ClientFacts facts = with("TLSv1.1", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", Optional.empty(), "RSA", 2048);

        assertThat(summaries(facts)).allSatisfy(summary -> assertThat(summary).endsWith(" no (TLS 1.1 only)"));
    }

    @Test
    void rsa1024LeafSplitsOpenSslLevels() {
        ClientFacts facts = with("TLSv1.3", "TLS_AES_128_GCM_SHA256", Optional.empty(), "RSA", 1024);

        assertThat(summaries(facts)).containsExactly("jdk17 ok", "jdk21 ok", "jdk25 ok", "openssl-l1 ok",
                "openssl-l2 no (RSA 1024)", "browsers ok");
    }

    @Test
    void rsa1024LeafUnderAPublicRootIsRefusedByBrowsers() {
        ClientFacts facts = new ClientFacts("TLSv1.3", "TLS_AES_128_GCM_SHA256", Optional.empty(), Optional.empty(),
                "RSA", 1024, ISSUED, Optional.of("00"), true, false, false);

        assertThat(summaries(facts)).contains("browsers no (RSA 1024)");
    }

    @Test
    void dh1024GroupIsRefusedAtLevel2AndByBrowsersForDheItself() {
        ClientFacts facts = with("TLSv1.2", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                Optional.of(new KeyExchange("DH", 1024)), "RSA", 2048);

        assertThat(summaries(facts)).containsExactly("jdk17 ok", "jdk21 ok", "jdk25 ok", "openssl-l1 ok",
                "openssl-l2 no (DH 1024)", "browsers no (DHE only)");
    }

    @Test
    void dh768GroupIsRefusedByTheJdkAndLevel1Too() {
        ClientFacts facts = with("TLSv1.2", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                Optional.of(new KeyExchange("DH", 768)), "RSA", 2048);

        assertThat(summaries(facts)).containsExactly("jdk17 no (DH 768)", "jdk21 no (DH 768)", "jdk25 no (DH 768)",
                "openssl-l1 no (DH 768)", "openssl-l2 no (DH 768)", "browsers no (DHE only)");
    }

    @Test
    void sha1HandshakeSignatureIsRefusedByJdk25OpenSslAndBrowsers() {
        ClientFacts facts = new ClientFacts("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                Optional.of(new KeyExchange("secp256r1", 256)), Optional.of("rsa_pkcs1_sha1"), "RSA", 2048, ISSUED,
                Optional.empty(), false, false, false);

        assertThat(summaries(facts)).containsExactly("jdk17 ok", "jdk21 ok", "jdk25 no (SHA-1 signature)",
                "openssl-l1 no (SHA-1 signature)", "openssl-l2 no (SHA-1 signature)", "browsers no (SHA-1 signature)");
    }

    @Test
    void missingIntermediateIsFetchedOnlyByBrowsersAndOnlyWithACaIssuersUrl() {
        ClientFacts withUrl = new ClientFacts("TLSv1.3", "TLS_AES_128_GCM_SHA256", Optional.empty(), Optional.empty(),
                "RSA", 2048, ISSUED, Optional.empty(), false, true, true);
        ClientFacts withoutUrl = new ClientFacts("TLSv1.3", "TLS_AES_128_GCM_SHA256", Optional.empty(),
                Optional.empty(), "RSA", 2048, ISSUED, Optional.empty(), false, true, false);

        assertThat(summaries(withUrl)).containsExactly("jdk17 no (intermediate not sent)",
                "jdk21 no (intermediate not sent)", "jdk25 no (intermediate not sent)",
                "openssl-l1 no (intermediate not sent)", "openssl-l2 no (intermediate not sent)",
                "browsers ok (fetches the missing intermediate via AIA)");
        assertThat(summaries(withoutUrl)).contains("browsers no (intermediate not sent)");
    }

    @Test
    void entrustDistrustAppliesByTheLeafsNotBeforeToTheJdksOnly() {
        ClientFacts after = new ClientFacts("TLSv1.3", "TLS_AES_128_GCM_SHA256", Optional.empty(), Optional.empty(),
                "RSA", 2048, Instant.parse("2024-11-12T00:00:00Z"), Optional.of(ENTRUST_G2), true, false, false);
        ClientFacts onTheDay = new ClientFacts("TLSv1.3", "TLS_AES_128_GCM_SHA256", Optional.empty(), Optional.empty(),
                "RSA", 2048, Instant.parse("2024-11-11T23:59:59Z"), Optional.of(ENTRUST_G2), true, false, false);

        assertThat(summaries(after)).containsExactly("jdk17 no (ENTRUST_TLS distrust)", "jdk21 no (ENTRUST_TLS distrust)",
                "jdk25 no (ENTRUST_TLS distrust)", "openssl-l1 ok", "openssl-l2 ok", "browsers ok");
        assertThat(summaries(onTheDay)).containsOnly("jdk17 ok", "jdk21 ok", "jdk25 ok", "openssl-l1 ok",
                "openssl-l2 ok", "browsers ok");
    }

    @Test
    void eachDistrustPolicyNamesItsRootsAndDate() {
        assertThat(JdkDistrust.ALL).extracting(CaDistrust::name)
                .containsExactly("SYMANTEC_TLS", "ENTRUST_TLS", "CAMERFIRMA_TLS", "CHUNGHWA_TLS");
        assertThat(JdkDistrust.CHUNGHWA.refuses(
                "C0:A6:F4:DC:63:A2:4B:FD:CF:54:EF:2A:6A:08:2A:0A:72:DE:35:80:3E:2F:F5:FF:52:7A:E5:D8:72:06:DF:D5",
                Instant.parse("2026-03-18T00:00:00Z"))).isTrue();
        assertThat(JdkDistrust.SYMANTEC.roots()).hasSize(16);
        assertThat(JdkDistrust.ENTRUST.roots()).hasSize(9);
        assertThat(JdkDistrust.CAMERFIRMA.roots()).hasSize(3);
    }

    @Test
    void weakCipherIsRefusedByEveryClient() {
        ClientFacts facts = with("TLSv1.2", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", Optional.empty(), "RSA", 2048);

        assertThat(Compatibility.DEFAULT.judge(facts)).noneMatch(ClientOutcome::connects);
    }

    @Test
    void onlyNamedClientsGiveFindingsWithTheirReason() {
        ClientFacts facts = with("TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256", Optional.empty(), "RSA", 2048);
        Compatibility named = Compatibility.named(ClientProfiles.parse("openssl-l2,jdk25"));

        List<ClientOutcome> outcomes = named.judge(facts);
        List<Finding> findings = named.findings(outcomes);

        assertThat(outcomes).extracting(ClientOutcome::summary).containsExactly("openssl-l2 ok", "jdk25 no (TLS_RSA only)");
        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.CLIENTS_CANNOT_CONNECT);
        assertThat(findings.get(0).message()).startsWith("jdk25 (JDK 25 (default java.security)) cannot connect:")
                .contains("TLS_RSA_WITH_AES_128_GCM_SHA256", "disables TLS_RSA_* suites", "enable ECDHE suites");
        assertThat(Compatibility.DEFAULT.findings(Compatibility.DEFAULT.judge(facts))).isEmpty();
    }

    @Test
    void unknownClientIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> ClientProfiles.parse("jdk17,jdk8"))
                .hasMessage("unknown client \"jdk8\"; known clients: jdk17, jdk21, jdk25, openssl-l1, openssl-l2,"
                        + " browsers, all");
        assertThat(ClientProfiles.parse("all, jdk25")).hasSize(6);
    }
}
