package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.certcheck.demo.TlsServer;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.HostileServers;
import org.certcheck.testing.RawServer;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Servers that answer badly on purpose, each a real server on loopback, through the real command
 * line: every one gets an UNKNOWN row with a reason naming what it did, within the handshake
 * timeout, without a stack trace, and a good server in the same run still passes.
 */
class HostileServerCliTest {
    private static final int TIMEOUT_SECONDS = 2;
    /** The handshake timeout plus room for a slow CI machine: a hang check, not a benchmark. */
    private static final long WITHIN_MILLIS = TIMEOUT_SECONDS * 1000L + 2500;

    @TempDir
    static Path temp;

    private static TestPki pki;
    private static Path rootPem;
    private static byte[] leafDer;

    @BeforeAll
    static void pki() throws Exception {
        pki = new TestPki();
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
        leafDer = pki.leaf("good.test").build().certificate().getEncoded();
    }

    @FunctionalInterface
    interface Server {
        RawServer start() throws Exception;
    }

    /** One hostile server: what it does, the finding code it must get, words its message must contain. */
    static Stream<Arguments> hostileServers() {
        return Stream.of(
                hostile("garbage bytes", HostileServers::garbage, "probe.not-tls", "not with TLS"),
                hostile("a TLS record header, then garbage", HostileServers::tlsLookingGarbage,
                        "probe.protocol-error", "broke the TLS protocol"),
                hostile("an HTTP response", HostileServers::http, "probe.not-tls", "plain HTTP"),
                hostile("accept and close at once", HostileServers::acceptAndClose, "probe.closed",
                        "closed the connection"),
                hostile("a reset after the ServerHello", HostileServers::resetMidHandshake, "probe.reset",
                        "reset during the handshake"),
                hostile("a fatal TLS alert", HostileServers::fatalAlert, "probe.tls-alert", "handshake_failure"),
                hostile("one byte per second", () -> HostileServers.trickle(1000), "probe.handshake-timeout",
                        "did not finish the TLS handshake"),
                hostile("a 200-certificate chain", () -> HostileServers.chainOf(200, leafDer),
                        "probe.limit-exceeded", "a chain of at least 11 certificates (Java stops counting there), more than the 10 certcheck accepts"),
                hostile("an 11-certificate chain", () -> HostileServers.chainOf(11, leafDer),
                        "probe.limit-exceeded", "a chain of at least 11 certificates (Java stops counting there), more than the 10 certcheck accepts"),
                hostile("a certificate with 40,000 names", () -> HostileServers.certificates(
                        List.of(manyNames(40_000, "host%d.intranet.test"))), "probe.limit-exceeded",
                        "more than the 262144 bytes (256 KiB) certcheck accepts (--max-handshake-message)"),
                hostile("a 1 MiB Certificate message", () -> HostileServers.hugeCertificateMessage(1 << 20),
                        "probe.limit-exceeded", "message of 1048576 bytes"),
                hostile("an endless stream of small records", HostileServers::flood, "probe.limit-exceeded",
                        "more than 1024 KiB"),
                hostile("truncated DER", () -> HostileServers.certificates(
                        List.of(Arrays.copyOf(leafDer, leafDer.length - 20))), "probe.bad-certificate",
                        "cannot be parsed"),
                hostile("DER whose outer length overruns the data", () -> HostileServers.certificates(
                        List.of(overrunOuterLength(leafDer))), "probe.bad-certificate", "cannot be parsed"),
                hostile("DER whose inner length is wrong", () -> HostileServers.certificates(
                        List.of(wrongInnerLength(leafDer))), "probe.bad-certificate", "cannot be parsed"),
                hostile("bytes that are not DER at all", () -> HostileServers.certificates(
                        List.of(new byte[] {1, 2, 3})), "probe.bad-certificate", "cannot be parsed"),
                hostile("an empty certificate list", () -> HostileServers.certificates(List.of()),
                        "probe.bad-certificate", "empty certificate list"));
    }

    private static Arguments hostile(String name, Server server, String code, String messagePart) {
        return Arguments.of(name, server, code, messagePart);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileServers")
    void hostileServerGetsAnUnknownRowWithItsReasonWithinTheTimeout(String name, Server server, String code,
                                                                   String messagePart) throws Exception {
        try (RawServer hostile = server.start()) {
            String target = "good.test:" + hostile.port();

            CliRun run = check("-o", "json", target);

            JsonNode row = run.target(target);
            assertThat(row.get("status").asText()).isEqualTo("UNKNOWN");
            assertThat(CliRun.engineNeutralCodes(row.get("findings"))).containsExactly(code);
            assertThat(row.get("findings").get(0).get("message").asText()).contains(messagePart);
            assertThat(row.get("elapsedMs").asLong()).isLessThan(WITHIN_MILLIS);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNCHECKED);
            assertThat(run.err()).doesNotContain("\tat ", "Exception");
        }
    }

    /** All of them in one run, next to a good server: each keeps its own row, the good one passes. */
    @Test
    void hostileServersInTheSameRunLeaveTheGoodOneAlone() throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").build();
        List<RawServer> servers = new ArrayList<>();
        Map<String, String> expected = new LinkedHashMap<>();
        try (TlsServer good = TlsServer.start(InetAddress.getLoopbackAddress(),
                List.of(leaf.certificate(), pki.intermediate.certificate()), leaf.privateKey())) {
            List<String> args = new ArrayList<>(List.of("-o", "json", "good.test:" + good.port()));
            for (Arguments arguments : hostileServers().toList()) {
                Object[] values = arguments.get();
                RawServer server = ((Server) values[1]).start();
                servers.add(server);
                args.add("good.test:" + server.port());
                expected.put("good.test:" + server.port(), (String) values[2]);
            }
            args.add("good.test:" + good.port());

            long start = System.nanoTime();
            CliRun run = check(args.toArray(String[]::new));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(run.target("good.test:" + good.port()).get("status").asText()).isEqualTo("PASS");
            expected.forEach((target, code) -> {
                JsonNode row = run.target(target);
                assertThat(row.get("status").asText()).as(target).isEqualTo("UNKNOWN");
                assertThat(CliRun.engineNeutralCodes(row.get("findings"))).as(target).containsExactly(code);
            });
            assertThat(run.json().get("summary").get("total").asInt()).isEqualTo(expected.size() + 1);
            assertThat(millis).isLessThan(WITHIN_MILLIS);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNCHECKED);
        } finally {
            for (RawServer server : servers) {
                server.close();
            }
        }
    }

    /**
     * Ten thousand one-letter names fit in the 32 KiB that Java clients accept, so the chain
     * is captured and judged: quickly, with messages and a table of sane length.
     */
    @Test
    void certificateWithTenThousandShortNamesIsJudgedQuicklyWithShortMessages() throws Exception {
        try (RawServer server = HostileServers.certificates(List.of(manyNames(10_000, "*")))) {
            String target = "good.test:" + server.port();

            CliRun json = check("-o", "json", target);
            CliRun table = check("-v", target);

            JsonNode row = json.target(target);
            assertThat(row.get("status").asText()).isEqualTo("FAIL");
            assertThat(CliRun.engineNeutralCodes(row.get("findings")))
                    .containsExactly("chain.incomplete", "tls.key-not-proven");
            assertThat(row.get("certificate").get("subjectAltNames")).hasSize(10_001);
            assertThat(row.get("findings").findValuesAsText("message"))
                    .allSatisfy(message -> assertThat(message).hasSizeLessThan(1000));
            assertThat(row.get("elapsedMs").asLong()).isLessThan(WITHIN_MILLIS);
            assertThat(table.out()).contains("SANs:       DNS:good.test, DNS:*, DNS:*",
                    "DNS:* and 9901 more (all of them in --output json)").hasSizeLessThan(10_000);
        }
    }

    @Test
    void tenThousandNamesThatNeverMatchGiveOneShortMismatch() throws Exception {
        try (RawServer server = HostileServers.certificates(List.of(manyNames(10_000, "*")))) {
            String target = "www.test:" + server.port();

            JsonNode row = check("-o", "json", target).target(target);

            List<String> messages = row.get("findings").findValuesAsText("message");
            assertThat(CliRun.engineNeutralCodes(row.get("findings"))).contains("host.mismatch");
            assertThat(messages).allSatisfy(message -> assertThat(message).hasSizeLessThan(1000));
        }
    }

    private static CliRun check(String... args) {
        List<String> all = new ArrayList<>(List.of("--ca", rootPem.toString(), "--connect-timeout", "1s",
                "--handshake-timeout", TIMEOUT_SECONDS + "s"));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    /** A leaf for good.test with {@code count} more DNS names made from {@code pattern}. */
    static byte[] manyNames(int count, String pattern) throws Exception {
        HeldCertificate.Builder builder = pki.leaf("good.test");
        for (int i = 0; i < count; i++) {
            builder.addSubjectAltName(String.format(java.util.Locale.ROOT, pattern, i));
        }
        return builder.build().certificate().getEncoded();
    }

    /** The outer SEQUENCE claims 100 bytes more than there are. */
    private static byte[] overrunOuterLength(byte[] der) {
        byte[] bad = der.clone();
        int length = ((bad[2] & 0xff) << 8 | (bad[3] & 0xff)) + 100;
        bad[2] = (byte) (length >> 8);
        bad[3] = (byte) length;
        return bad;
    }

    /** The TBSCertificate claims to end 7 bytes early, so the signature fields that follow are misread. */
    private static byte[] wrongInnerLength(byte[] der) {
        byte[] bad = der.clone();
        int at = 4; // the TBSCertificate SEQUENCE, after the outer 30 82 LL LL
        int length = ((bad[at + 2] & 0xff) << 8 | (bad[at + 3] & 0xff)) - 7;
        bad[at + 2] = (byte) (length >> 8);
        bad[at + 3] = (byte) length;
        return bad;
    }
}
