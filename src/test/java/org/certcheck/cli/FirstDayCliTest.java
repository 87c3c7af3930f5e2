package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.certcheck.net.Resolver;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.SmallFleet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rough edges a new user met on the first day (issue 17), as that user sees them. */
class FirstDayCliTest {
    @TempDir
    Path directory;
    private SmallFleet fleet;

    @BeforeEach
    void startFleet() throws Exception {
        fleet = SmallFleet.start(directory);
    }

    @AfterEach
    void stopFleet() throws Exception {
        fleet.close();
    }

    /** The layout the README recommends, with the repository's own certs/README.md (which quotes PEM). */
    @Test
    void aCaDirectoryWithItsReadmeKeepsQuietQuiet() throws Exception {
        Path certs = Files.createDirectories(directory.resolve("certs"));
        Files.copy(fleet.caFile, certs.resolve("corp-root.pem"));
        Files.copy(Path.of("certs/README.md"), certs.resolve("README.md"));

        CliRun quiet = check("--quiet", "--ca", certs.toString(), fleet.good);

        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void theCaMayBeAPkcs12TrustStoreWithItsPassword() throws Exception {
        Path store = trustStore("PKCS12", "corp.p12", "s3cret");

        CliRun run = check("--ca", store.toString(), "--ca-password", "s3cret", fleet.good);
        CliRun without = check("--ca", store.toString(), fleet.good);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("PASS");
        assertThat(without.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(without.err()).contains("corp.p12").contains("--ca-password").doesNotContain("s3cret");
    }

    @Test
    void theCaMayBeAJksTrustStoreReadWithoutItsPassword() throws Exception {
        Path store = trustStore("JKS", "truststore", "changeme");

        CliRun run = check("--ca", store.toString(), fleet.good);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("PASS");
    }

    @Test
    void helpIsACommand() {
        CliRun run = CliRun.run("help");
        CliRun verify = CliRun.run("help", "verify");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: certcheck").contains("--ca");
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("Usage: certcheck verify");
    }

    @Test
    void durationsTakeMillisecondsSecondsMinutesAndHours() {
        DurationConverter durations = new DurationConverter();

        assertThat(durations.convert("250ms").toMillis()).isEqualTo(250);
        assertThat(durations.convert("5s").toSeconds()).isEqualTo(5);
        assertThat(durations.convert("2m").toMinutes()).isEqualTo(2);
        assertThat(durations.convert("1h").toHours()).isEqualTo(1);
        CliRun tooLong = CliRun.run("--connect-timeout", "2h", "web.test");
        assertThat(tooLong.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(tooLong.err()).contains("'2h' is too long: at most 60m");
    }

    @Test
    void aMistypedOptionGetsSuggestions() {
        CliRun run = CliRun.run("--warn-day", "20", "web.test");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Unknown option: '--warn-day'").contains("Possible solutions: --warn-days");
    }

    @Test
    void aShardOutOfRangeIsNamedOnce() {
        CliRun run = CliRun.run("--shard", "4/3", "web.test");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("certcheck: --shard 4/3 is out of range: expected K/N with 1 <= K <= N")
                .doesNotContain("--shard shard");
    }

    @Test
    void theDemosClosingHintNamesOnlyFilesThatExist() {
        CliRun demo = CliRun.run("demo");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.err()).contains("see hosts.example.txt").doesNotContain("certs/corp-root.pem");
        assertThat(Path.of("hosts.example.txt")).isRegularFile();
    }

    @Test
    void completionOffersOnlyTheStarttlsProtocolsItAccepts() {
        String script = picocli.AutoComplete.bash("certcheck",
                Main.commandLine(Clock.systemUTC(), Resolver.SYSTEM, Map.of()));
        String candidates = script.lines().filter(line -> line.contains("# --starttls values"))
                .findFirst().orElseThrow();

        assertThat(candidates).contains("\"smtp\"").contains("\"postgres\"")
                .doesNotContain("\"TLS\"").doesNotContain("\"tls\"");
        for (String protocol : new StartTlsProtocols()) {
            assertThat(CliRun.run("--starttls", protocol, "--shard", "9/1", "web.test").err())
                    .doesNotContain("--starttls");
        }
    }

    @Test
    void daysAgreeWithTheExpiryMessage() {
        CliRun run = check("--ca", fleet.caFile.toString(), fleet.expired);

        assertThat(run.out()).containsPattern("FAIL +-3 ").contains("expired 3 days ago");
    }

    private CliRun check(String... args) {
        List<String> all = new ArrayList<>(List.of("--revocation", "off"));
        all.addAll(List.of(args));
        return CliRun.run(Clock.fixed(fleet.now, ZoneOffset.UTC), Resolver.SYSTEM, Map.of("NO_COLOR", "1"),
                InputStream.nullInputStream(), all.toArray(String[]::new));
    }

    private Path trustStore(String type, String name, String password) throws Exception {
        X509Certificate root;
        try (InputStream in = Files.newInputStream(fleet.caFile)) {
            root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setCertificateEntry("corp-root", root);
        Path file = directory.resolve(name);
        try (var out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
