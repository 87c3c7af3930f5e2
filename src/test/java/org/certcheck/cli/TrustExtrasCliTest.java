package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.TestPki;
import org.certcheck.validate.Pin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** --pin, --anchor, lifetime thresholds, --max-validity-days and the policy findings, through the CLI, offline. */
class TrustExtrasCliTest {
    private final TestPki pki = new TestPki();
    private final Clock clock = Clock.fixed(pki.now, ZoneOffset.UTC);
    private final HeldCertificate web = pki.leaf("web.corp.test").build();
    private Path root;
    private Path files;

    @TempDir
    Path temp;

    @BeforeEach
    void writeFiles() throws Exception {
        root = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
        files = Files.writeString(temp.resolve("web.pem"), web.certificatePem() + pki.intermediate.certificatePem());
    }

    private CliRun verify(HeldCertificate leaf, String... options) throws Exception {
        Path file = Files.writeString(temp.resolve("leaf.pem"), leaf.certificatePem() + pki.intermediate.certificatePem());
        List<String> args = new ArrayList<>(List.of("verify", "--ca", root.toString(), "--name", "web.corp.test",
                "-o", "json"));
        args.addAll(List.of(options));
        args.add(file.toString());
        return CliRun.run(clock, Resolver.SYSTEM, args.toArray(String[]::new));
    }

    private static List<String> codes(CliRun run) {
        return run.json().get("targets").get(0).get("findings").findValuesAsText("code");
    }

    @Test
    void keyPinOfTheLeafMatches() throws Exception {
        String pin = "sha256/" + Base64.getEncoder().encodeToString(Pin.spkiSha256(web.certificate()));

        CliRun run = verify(web, "--pin", "web.corp.test=" + pin);

        assertThat(codes(run)).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void certificatePinOfTheIntermediateMatches() throws Exception {
        String pin = HexFormat.ofDelimiter(":").formatHex(Pin.certificateSha256(pki.intermediate.certificate()));

        assertThat(codes(verify(web, "--pin", pin))).isEmpty();
    }

    @Test
    void pinMismatchFailsAndListsThePinsTheChainHas() throws Exception {
        String other = "sha256/" + Base64.getEncoder().encodeToString(new byte[32]);

        CliRun run = verify(web, "--pin", "web.corp.test:443=" + other);

        assertThat(codes(run)).containsExactly("chain.pin-mismatch");
        assertThat(run.json().get("targets").get(0).get("findings").get(0).get("message").asText())
                .contains("sha256/" + Base64.getEncoder().encodeToString(Pin.spkiSha256(web.certificate())));
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void pinForAnotherTargetDoesNotApply() throws Exception {
        assertThat(codes(verify(web, "--pin", "elsewhere.test=sha256/" + Base64.getEncoder()
                .encodeToString(new byte[32])))).isEmpty();
    }

    @Test
    void malformedPinIsAUsageError() throws Exception {
        CliRun run = verify(web, "--pin", "sha256/AAAA");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--pin").contains("32 bytes");
    }

    @Test
    void chainEndingAtAnotherTrustedRootThanTheRequiredAnchorFails() throws Exception {
        HeldCertificate other = TestPki.otherRoot(pki.now);
        Path otherPem = Files.writeString(temp.resolve("other.pem"), other.certificatePem());

        CliRun run = verify(web, "--anchor", otherPem.toString());

        assertThat(codes(run)).containsExactly("chain.wrong-anchor");
        assertThat(codes(verify(web, "--anchor", root.toString()))).isEmpty();
    }

    @Test
    void shortLivedCertificateWarnsByShareOfLifetimeLeft() throws Exception {
        HeldCertificate shortLived = pki.leaf("web.corp.test").validFor(Duration.ofHours(-60), Duration.ofHours(72))
                .build();

        CliRun warned = verify(shortLived, "--warn-days", "0", "--crit-days", "0", "--warn-lifetime", "30");
        CliRun failed = verify(shortLived, "--warn-days", "0", "--crit-days", "0", "--warn-lifetime", "30",
                "--crit-lifetime", "20");

        JsonNode finding = warned.json().get("targets").get(0).get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("cert.expires-soon");
        assertThat(finding.get("message").asText()).contains("17% of its lifetime left");
        assertThat(codes(failed)).containsExactly("cert.expires-very-soon");
        assertThat(failed.exitCode()).isEqualTo(1);
    }

    @Test
    void validityLongerThanAllowedFails() throws Exception {
        HeldCertificate longLived = pki.leaf("web.corp.test").validFor(Duration.ofDays(-1), Duration.ofDays(825))
                .build();

        // The CA/B Forum's own limit (200 days for this issue date) is information under the private profile.
        assertThat(codes(verify(longLived, "--max-validity-days", "398")))
                .containsExactly("cert.validity-too-long", "cert.baseline-requirements");
    }

    @Test
    void weakKeyAndSha1SignatureFailThroughTheCli() throws Exception {
        HeldCertificate rsaCa = HeldCertificate.builder(pki.now).commonName("RSA CA").rsa(2048).certificateAuthority(0)
                .signedBy(pki.root).build();
        HeldCertificate weak = pki.leaf("web.corp.test").rsa(1024).signedBy(rsaCa).signatureAlgorithm("SHA1withRSA")
                .build();
        Path file = Files.writeString(temp.resolve("weak.pem"), weak.certificatePem() + rsaCa.certificatePem());

        CliRun run = CliRun.run(clock, Resolver.SYSTEM, "verify", "--ca", root.toString(), "--name", "web.corp.test",
                "-o", "json", file.toString());

        assertThat(codes(run)).containsExactlyInAnyOrder("cert.weak-signature", "cert.weak-key");
        assertThat(run.exitCode()).isEqualTo(1);
    }
}
