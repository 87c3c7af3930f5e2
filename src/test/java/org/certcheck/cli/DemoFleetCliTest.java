package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.certcheck.demo.DemoFleet;
import org.certcheck.pki.Pem;
import org.certcheck.report.Status;
import org.certcheck.testing.CliRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every verdict of the core checker, through the real command line, against real TLS servers on
 * loopback: one server per scenario (the demo fleet's), checked one target per run.
 */
class DemoFleetCliTest {
    private static final Instant NOW = Instant.now();
    private static DemoFleet fleet;
    private static Path rootPem;

    @TempDir
    static Path temp;

    @BeforeAll
    static void startFleet() throws Exception {
        fleet = DemoFleet.start(NOW);
        rootPem = Files.writeString(temp.resolve("corp-root.pem"), Pem.encode(fleet.rootCertificate()));
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    static Stream<DemoFleet.Case> cases() {
        return fleet.cases().stream();
    }

    private static CliRun check(String... targets) {
        List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "--output", "json",
                "--connect-timeout", "2s", "--handshake-timeout", "2s", "--fetch-allow", "127.0.0.1"));
        args.addAll(List.of(targets));
        return CliRun.run(Clock.fixed(NOW, ZoneOffset.UTC), fleet.resolver(), args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachScenarioGetsItsStatusFindingAndExitCode(DemoFleet.Case scenario) {
        CliRun run = check(scenario.target().display());

        JsonNode target = run.target(scenario.target().display());
        assertThat(target.get("status").asText()).as(run.out()).isEqualTo(scenario.expected().name());
        scenario.expectedCode().ifPresent(code ->
                assertThat(target.get("findings").findValuesAsText("code")).contains(code.code()));
        int expectedExit = switch (scenario.expected()) {
            case PASS, WARN -> 0;
            case FAIL -> 1;
            case UNKNOWN -> 3;
        };
        assertThat(run.exitCode()).as(run.err()).isEqualTo(expectedExit);
    }

    @Test
    void expiredCertificateForAnotherNameReportsBothProblems() {
        String display = targetOf("expired-wrong-host");

        JsonNode target = check(display).target(display);

        assertThat(target.get("findings").findValuesAsText("code")).contains("cert.expired", "host.mismatch");
    }

    @Test
    void goodTargetNamesItsAnchorAndCertificateDetails() {
        String display = targetOf("good");

        JsonNode target = check(display).target(display);

        assertThat(target.get("anchor").asText()).isEqualTo("CN=Demo Corp Root CA,O=certcheck demo");
        assertThat(target.get("certificate").get("subjectAltNames").get(0).asText()).isEqualTo("DNS:good.demo.test");
        assertThat(target.get("connection").get("protocol").asText()).isEqualTo("TLSv1.3");
        assertThat(target.get("path")).hasSize(3);
    }

    @Test
    void oneRunOverTheWholeFleetFailsWithExitOneAndKeepsEveryRowInOrder() {
        List<String> displays = fleet.cases().stream().map(c -> c.target().display()).toList();

        CliRun run = check(displays.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(1);
        List<String> reported = new ArrayList<>();
        run.json().get("targets").forEach(t -> reported.add(t.get("target").asText()));
        assertThat(reported).containsExactlyElementsOf(displays);
    }

    @Test
    void warningsFailOnlyWithFailOnWarn() {
        String display = targetOf("expiring");

        assertThat(check(display).exitCode()).isZero();
        assertThat(check("--fail-on", "warn", display).exitCode()).isEqualTo(1);
    }

    @Test
    void withoutTheCorporateCaEvenTheGoodHostIsUntrusted() {
        String display = targetOf("good");
        CliRun run = CliRun.run(Clock.fixed(NOW, ZoneOffset.UTC), fleet.resolver(), "--output", "json", display);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(CliRun.engineNeutralCodes(run.target(display).get("findings"))).containsExactly("chain.untrusted");
    }

    @Test
    void demoCommandShowsEveryVerdictAndExitsZero() {
        CliRun run = CliRun.run("demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (Status status : Status.values()) {
            assertThat(run.out()).contains(status.name());
        }
        assertThat(run.err()).contains("got the verdict they were built for");
    }

    /** The launcher trains its class-data-sharing archive with this: no output, exit 0, as before. */
    @Test
    void demoTrainingPrintsNothingAndExitsZero() {
        CliRun run = CliRun.run("demo", "--train");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void archiveTrainingChecksAGoodAndAnExpiredDemoTargetLikeAUserAndCleansUp() throws Exception {
        assertThat(fleet.cases().subList(0, 2)).extracting(DemoFleet.Case::expected)
                .containsExactly(Status.PASS, Status.FAIL);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = trainingDirectories(tmp);

        int exit = ArchiveTraining.checkLikeAUser(fleet, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(exit).isEqualTo(ExitCode.FAILED);
        assertThat(trainingDirectories(tmp)).isEqualTo(before);
    }

    private static List<Path> trainingDirectories(Path tmp) throws java.io.IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("certcheck-training")).sorted().toList();
        }
    }

    private static String targetOf(String name) {
        return fleet.cases().stream().map(c -> c.target().display())
                .filter(d -> d.startsWith(name + ".demo.test:")).findFirst().orElseThrow();
    }
}
