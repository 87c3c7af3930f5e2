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

import org.certcheck.demo.TlsServer;
import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 16 item 1 through the command line: certificates of 6, 45, 90 and 397 days, each checked at
 * chosen points of its life with the injected clock; the default thresholds are min(--warn-days, a
 * third of the lifetime) and min(--crit-days, a sixth), and the message names the one that applied.
 * Item 2: the webpki profile's maximum lifetime by notBefore and --max-validity-days.
 */
class LifetimeExpiryCliTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Instant ISSUED = Instant.parse("2026-11-01T00:00:00Z");
    private final HeldCertificate root = HeldCertificate.builder(ISSUED).commonName("Lifecycle Root CA")
            .validFor(Duration.ofDays(-100), Duration.ofDays(3650)).certificateAuthority(1).build();

    @TempDir
    Path temp;

    private HeldCertificate leaf(int days) {
        return HeldCertificate.builder(ISSUED).commonName("web.corp.test").addSubjectAltName("web.corp.test")
                .validFor(Duration.ZERO, Duration.ofDays(days)).signedBy(root).build();
    }

    /** The JSON of one target, checked when {@code age} of the leaf's life has passed. */
    private JsonNode checkAt(HeldCertificate leaf, Duration age, String... options) throws Exception {
        CliRun run = runAt(leaf, age, options);
        return run.json().get("targets").get(0);
    }

    private CliRun runAt(HeldCertificate leaf, Duration age, String... options) throws Exception {
        Path rootPem = Files.writeString(temp.resolve("root.pem"), root.certificatePem());
        try (TlsServer server = TlsServer.start(LOOPBACK, List.of(leaf.certificate()), leaf.privateKey())) {
            List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "-o", "json"));
            args.addAll(List.of(options));
            args.add("web.corp.test@127.0.0.1:" + server.port());
            Clock clock = Clock.fixed(leaf.certificate().getNotBefore().toInstant().plus(age), ZoneOffset.UTC);
            return CliRun.run(clock, Resolver.SYSTEM, args.toArray(String[]::new));
        }
    }

    private static List<String> codes(JsonNode target) {
        return target.get("findings").findValuesAsText("code");
    }

    @Test
    void sixDayCertificateWithFiveDaysLeftIsNotExpiringAndNeedsNoRevocationInformation() throws Exception {
        JsonNode target = checkAt(leaf(6), Duration.ofDays(1));

        assertThat(target.get("status").asText()).as(target.toString()).isEqualTo("PASS");
        assertThat(codes(target)).doesNotContain("cert.expires-soon", "cert.expires-very-soon", "revocation.no-info");
    }

    @Test
    void sixDayCertificateWarnsInItsLastThirdAndFailsInItsLastSixth() throws Exception {
        JsonNode warn = checkAt(leaf(6), Duration.ofHours(4 * 24 + 12), "--revocation", "off");
        JsonNode fail = checkAt(leaf(6), Duration.ofHours(5 * 24 + 12), "--revocation", "off");

        assertThat(warn.get("status").asText()).isEqualTo("WARN");
        assertThat(CliRun.message(warn, "cert.expires-soon"))
                .contains("expires in 1 day", "warning below one third of its 6-day lifetime (2 days)");
        assertThat(fail.get("status").asText()).isEqualTo("FAIL");
        assertThat(CliRun.message(fail, "cert.expires-very-soon"))
                .contains("expires in 12 hours", "critical below one sixth of its 6-day lifetime (1 day)");
    }

    @Test
    void ninetyDayCertificateStillSaysNoRevocationInformation() throws Exception {
        JsonNode target = checkAt(leaf(90), Duration.ofDays(1));

        assertThat(target.get("status").asText()).isEqualTo("PASS");
        assertThat(codes(target)).contains("revocation.no-info");
    }

    @Test
    void fortyFiveDayCertificateIsQuietUntilAThirdIsLeftAndFailsAtTheDayThreshold() throws Exception {
        JsonNode quiet = checkAt(leaf(45), Duration.ofDays(20), "--revocation", "off");   // 25 days left
        JsonNode warn = checkAt(leaf(45), Duration.ofDays(31), "--revocation", "off");    // 14 days left
        JsonNode fail = checkAt(leaf(45), Duration.ofDays(39), "--revocation", "off");    // 6 days left

        assertThat(quiet.get("status").asText()).as(quiet.toString()).isEqualTo("PASS");
        assertThat(CliRun.message(warn, "cert.expires-soon"))
                .contains("warning below one third of its 45-day lifetime (15 days)");
        assertThat(warn.get("status").asText()).isEqualTo("WARN");
        assertThat(CliRun.message(fail, "cert.expires-very-soon")).contains("critical below 7 days");
        assertThat(fail.get("status").asText()).isEqualTo("FAIL");
    }

    @Test
    void ninetyDayCertificateWarnsAtThirtyDays() throws Exception {
        JsonNode quiet = checkAt(leaf(90), Duration.ofDays(59), "--revocation", "off");   // 31 days left
        JsonNode warn = checkAt(leaf(90), Duration.ofDays(61), "--revocation", "off");    // 29 days left

        assertThat(quiet.get("status").asText()).isEqualTo("PASS");
        assertThat(CliRun.message(warn, "cert.expires-soon")).contains("expires in 29 days", "warning below 30 days");
    }

    @Test
    void threeNinetySevenDayCertificateKeepsTheDayThresholds() throws Exception {
        JsonNode quiet = checkAt(leaf(397), Duration.ofDays(297), "--revocation", "off");  // 100 days left
        JsonNode warn = checkAt(leaf(397), Duration.ofDays(368), "--revocation", "off");   // 29 days left
        JsonNode fail = checkAt(leaf(397), Duration.ofDays(391), "--revocation", "off");   // 6 days left

        assertThat(quiet.get("status").asText()).isEqualTo("PASS");
        assertThat(CliRun.message(warn, "cert.expires-soon")).contains("warning below 30 days");
        assertThat(CliRun.message(fail, "cert.expires-very-soon")).contains("critical below 7 days");
    }

    @Test
    void explicitLifetimeShareStillWarnsEarlier() throws Exception {
        JsonNode target = checkAt(leaf(90), Duration.ofDays(50), "--revocation", "off", "--warn-lifetime", "50");

        assertThat(target.get("status").asText()).isEqualTo("WARN");
        assertThat(CliRun.message(target, "cert.expires-soon")).contains("44% of its lifetime left", "warning below 50%");
    }

    @Test
    void webpkiProfileFailsA397DayCertificateIssuedAfterMarch2026() throws Exception {
        JsonNode target = checkAt(leaf(397), Duration.ofDays(1), "--revocation", "off", "--profile", "webpki");

        assertThat(target.get("status").asText()).isEqualTo("FAIL");
        assertThat(target.get("findings").toString()).contains("200");
    }

    @Test
    void maxValidityDaysFailsALongerPrivateCertificate() throws Exception {
        JsonNode target = checkAt(leaf(90), Duration.ofDays(1), "--revocation", "off", "--max-validity-days", "47");

        assertThat(target.get("status").asText()).isEqualTo("FAIL");
        assertThat(target.get("findings").toString()).contains("47");
    }
}
