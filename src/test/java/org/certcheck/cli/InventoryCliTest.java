package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code certcheck inventory} judging what it finds, through the real command line: expiry and
 * policy of each certificate on its own and in its role, trust with --ca, exit codes, the table,
 * usage errors.
 */
class InventoryCliTest extends InventoryTreeFixture {
    @Test
    void aDirectoryTreeGivesOneRowPerCertificateNamedByWhereItWasFound() {
        CliRun run = inventory("-o", "json", "--password", "secret", tree.toString());

        assertThat(statuses(run).keySet()).as(run.out()).containsExactlyInAnyOrder(
                path(certs, "bundle.pem#1"), path(certs, "bundle.pem#2"), path(certs, "expired.pem"),
                path(certs, "expiring.der"), path(certs, "valid.pem"), path(certs, "weak/rsa1024.pem"),
                path(certs, "weak/sha1.pem"), path(keystores, "app.p12:web"), path(keystores, "trust.jks:corp-root"),
                path(keystores, "trust.jks:corp-issuing"));
        assertThat(run.json().get("trust").asText()).contains("no --ca");
    }

    @Test
    void expiredExpiringWeakAndValidCertificatesAreJudgedOnTheirOwn() {
        CliRun run = inventory("-o", "json", "--password", "secret", tree.toString());
        Map<String, String> status = statuses(run);

        assertThat(status.get(path(certs, "valid.pem"))).isEqualTo("PASS");
        assertThat(codes(run, path(certs, "valid.pem"))).as("no chain needed without --ca").isEmpty();
        assertThat(codes(run, path(certs, "expired.pem"))).containsExactly("cert.expired");
        assertThat(codes(run, path(certs, "expiring.der"))).containsExactly("cert.expires-soon");
        assertThat(status.get(path(certs, "expiring.der"))).isEqualTo("WARN");
        assertThat(codes(run, path(certs, "weak/sha1.pem"))).containsExactly("cert.weak-signature");
        assertThat(codes(run, path(certs, "weak/rsa1024.pem"))).containsExactly("cert.weak-key");
        assertThat(run.target(path(certs, "expired.pem")).get("daysLeft").asInt()).isEqualTo(-3);
        assertThat(run.target(path(certs, "expired.pem")).get("origin").asText()).isEqualTo(path(certs, "expired.pem"));
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void caCertificatesAreJudgedAsCasNotAsServerCertificates() {
        CliRun run = inventory("-o", "json", tree.toString());

        assertThat(statuses(run)).containsEntry(path(certs, "bundle.pem#1"), "PASS")
                .containsEntry(path(certs, "bundle.pem#2"), "PASS")
                .containsEntry(path(keystores, "trust.jks:corp-root"), "PASS");
    }

    @Test
    void aSelfSignedRootIsNotFailedForItsOwnSha1SignatureButAnIntermediateIs() throws Exception {
        HeldCertificate oldRoot = HeldCertificate.builder(NOW).commonName("Old Root CA").certificateAuthority(1)
                .signatureAlgorithm("SHA1withECDSA").build();
        HeldCertificate oldIssuing = HeldCertificate.builder(NOW).commonName("Old Issuing CA").certificateAuthority(0)
                .signatureAlgorithm("SHA1withECDSA").signedBy(oldRoot).build();
        Path root = Files.writeString(temp.resolve("old-root.pem"), oldRoot.certificatePem());
        Path issuing = Files.writeString(temp.resolve("old-issuing.pem"), oldIssuing.certificatePem());

        CliRun run = inventory("-o", "json", root.toString(), issuing.toString());

        assertThat(codes(run, root.toString())).isEmpty();
        assertThat(codes(run, issuing.toString())).containsExactly("cert.weak-signature");
    }

    @Test
    void allValidCertificatesExitZeroAndWarningsPassUnlessFailOnWarn() throws Exception {
        Path good = Files.createDirectories(temp.resolve("good"));
        Files.copy(certs.resolve("valid.pem"), good.resolve("valid.pem"));
        Files.copy(certs.resolve("expiring.der"), good.resolve("expiring.der"));

        assertThat(inventory(good.toString()).exitCode()).isZero();
        assertThat(inventory("--fail-on", "warn", good.toString()).exitCode()).isEqualTo(1);
        assertThat(inventory("--warn-days", "10", good.toString()).out()).doesNotContain("WARN");
    }

    @Test
    void aLifetimeThresholdWarnsAboutAShortLivedCertificate() throws Exception {
        Path file = Files.writeString(temp.resolve("short.pem"), pki.leaf("short.corp.test")
                .validFor(Duration.ofDays(-6), Duration.ofDays(10)).build().certificatePem());

        CliRun run = inventory("-o", "json", "--warn-days", "0", "--crit-days", "0", "--warn-lifetime", "50",
                file.toString());

        assertThat(codes(run, file.toString())).containsExactly("cert.expires-soon");
        assertThat(run.target(file.toString()).get("findings").get(0).get("message").asText())
                .contains("40% of its lifetime left");
    }

    @Test
    void withCaEachCertificateMustReachItAlongTheCertificatesOfItsOwnFile() throws Exception {
        Path root = Files.writeString(temp.resolve("corp-root.pem"), pki.root.certificatePem());

        CliRun run = inventory("-o", "json", "--ca", root.toString(), "--password", "secret", tree.toString());

        JsonNode keystoreLeaf = run.target(path(keystores, "app.p12:web"));
        assertThat(keystoreLeaf.get("status").asText()).as(run.out()).isEqualTo("PASS");
        assertThat(keystoreLeaf.get("anchor").asText()).isEqualTo("CN=Test Root CA,O=Test Corp");
        assertThat(codes(run, path(certs, "valid.pem"))).as("its issuer is not in valid.pem")
                .containsExactly("chain.incomplete");
        assertThat(statuses(run)).containsEntry(path(certs, "bundle.pem#1"), "PASS")
                .containsEntry(path(keystores, "trust.jks:corp-issuing"), "PASS");
    }

    @Test
    void withCaAForeignRootIsUntrusted() throws Exception {
        Path root = Files.writeString(temp.resolve("corp-root.pem"), pki.root.certificatePem());
        Path other = Files.writeString(temp.resolve("other-root.pem"), TestPki.otherRoot(NOW).certificatePem());

        CliRun run = inventory("-o", "json", "--ca", root.toString(), other.toString());

        assertThat(codes(run, other.toString())).containsExactly("chain.self-signed");
    }

    @Test
    void theTableHasOneRowPerCertificateAndTheSummary() {
        CliRun run = inventory("--password", "secret", keystores.toString());

        assertThat(run.out().lines().filter(line -> line.contains("app.p12:web") && line.contains("PASS")))
                .hasSize(1);
        assertThat(run.out()).contains("3 checked: 3 pass, 0 warn, 0 fail, 0 unknown");
    }

    @Test
    void nothingFoundIsAUsageError() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "nothing here");

        CliRun run = inventory(empty.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no certificate found in " + empty).contains("1 file(s) skipped");
    }

    @Test
    void aPinIsAUsageErrorBecauseAnInventoryHasNoServers() {
        CliRun run = inventory("--pin", "sha256/" + "A".repeat(43) + "=", certs.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--pin names the key a server must present; an inventory has no servers");
    }

    @Test
    void aMalformedPinGetsTheSameAnswerNotACheckOfItsSyntax() {
        CliRun run = inventory("--pin", "sha256/AAAA", certs.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("an inventory has no servers").doesNotContain("32 bytes");
    }

    /** The help offers only options an inventory accepts; --pin is for the commands that meet servers. */
    @Test
    void helpListsTheCertificatePolicyButNotThePinItWouldReject() {
        CliRun help = inventory("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Certificate policy:", "--max-validity-days", "--warn-lifetime",
                "--crit-lifetime", "--anchor").doesNotContain("--pin");
        assertThat(CliRun.run("--help").out()).contains("--pin=[TARGET=]PIN");
        assertThat(CliRun.run("verify", "--help").out()).contains("--pin=[TARGET=]PIN");
    }
}
