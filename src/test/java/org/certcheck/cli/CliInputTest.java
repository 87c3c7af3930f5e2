package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.certcheck.demo.TlsServer;
import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.pki.Pem;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * What a user sees for what they type: host files with bad lines, duplicates, standard input,
 * usage errors, help, details and the JSON summary, through the real command line against one
 * good TLS server on loopback ({@code good.test} and {@code www.test} in {@code test-hosts}).
 */
class CliInputTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String USAGE_HINT = "Try 'certcheck --help' for usage.";

    @TempDir
    static Path temp;

    private static HeldCertificate leaf;
    private static TlsServer server;
    private static Path rootPem;
    private static String good;
    private static String www;

    @BeforeAll
    static void startGoodServer() throws Exception {
        TestPki pki = new TestPki(NOW);
        leaf = pki.leaf("good.test").addSubjectAltName("www.test").build();
        server = TlsServer.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}),
                List.of(leaf.certificate(), pki.intermediate.certificate()), leaf.privateKey());
        rootPem = Files.writeString(temp.resolve("corp-root.pem"), pki.root.certificatePem());
        good = "good.test:" + server.port();
        www = "www.test:" + server.port();
    }

    @AfterAll
    static void stopGoodServer() throws Exception {
        server.close();
    }

    @Test
    void malformedLineIsItsOwnUnknownRowAndTheOtherLinesAreStillChecked() throws Exception {
        Path hosts = hostFile("hosts.txt", "# intranet", good, "web:99999", www);

        CliRun run = check("--output", "json", hosts.toString());

        assertThat(statuses(run)).containsExactly(good + " PASS", "web:99999 UNKNOWN", www + " PASS");
        JsonNode bad = run.target("web:99999");
        assertThat(bad.get("origin").asText()).isEqualTo(hosts + ":3");
        assertThat(bad.get("findings").findValuesAsText("code")).containsExactly("input.malformed");
        assertThat(bad.get("findings").get(0).get("message").asText())
                .isEqualTo(hosts + ":3: \"web:99999\": port out of range (1-65535)");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNCHECKED);
    }

    @Test
    void duplicateTargetsAreCheckedOnce() {
        CliRun run = check("--output", "json", good, good, "GOOD.test.:" + server.port(),
                "https://good.test:" + server.port() + "/status");

        assertThat(statuses(run)).containsExactly(good + " PASS");
        assertThat(run.target(good).get("origin").asText()).isEqualTo("argument 1");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void dashReadsTargetsFromStandardInput() {
        String stdin = "# from grep\n" + good + "\nweb:99999\n";

        CliRun run = CliRun.run(Clock.fixed(NOW, ZoneOffset.UTC), Resolver.SYSTEM,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                "--ca", rootPem.toString(), "--output", "json", "-", www);

        assertThat(statuses(run)).containsExactly(good + " PASS", "web:99999 UNKNOWN", www + " PASS");
        assertThat(run.target(good).get("origin").asText()).isEqualTo("stdin:2");
        assertThat(run.target("web:99999").get("findings").get(0).get("message").asText())
                .startsWith("stdin:3: \"web:99999\": port out of range");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNCHECKED);
    }

    /** What the shell passes for {@code certcheck <(grep -v staging hosts.txt)}: a path to a pipe. */
    @Test
    void namedPipeIsReadAsAHostFile() throws Exception {
        Path fifo = temp.resolve("hosts.fifo");
        assumeTrue(makeFifo(fifo), "no mkfifo on this system");
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, good + "\n");
            } catch (IOException e) {
                // The reader went away; the assertions below say why.
            }
        });
        writer.setDaemon(true);
        writer.start();
        try {
            CliRun run = check("--output", "json", fifo.toString());

            assertThat(statuses(run)).as(run.err()).containsExactly(good + " PASS");
            assertThat(run.target(good).get("origin").asText()).isEqualTo(fifo + ":1");
        } finally {
            if (writer.isAlive()) {
                // Nobody opened the pipe: open it once so the writer is released.
                Files.newInputStream(fifo).close();
            }
            writer.join(5_000);
        }
    }

    @Test
    void dashWithEmptyStandardInputIsAUsageError() {
        CliRun run = check("-");

        assertUsageError(run, "stdin: no targets");
    }

    static Stream<Arguments> usageErrors() throws Exception {
        Path directory = Files.createDirectories(temp.resolve("lists.d"));
        Path withKey = Files.writeString(temp.resolve("with-key.pem"),
                leaf.certificatePem() + Pem.encode(leaf.privateKey()));
        Path empty = Files.writeString(temp.resolve("empty.pem"), "");
        Path missing = temp.resolve("missing.pem");
        return Stream.of(
                usage("a path-like argument that does not exist", "lists/hosts.txt: no such host file",
                        "lists/hosts.txt"),
                usage("-f with a missing file", "nowhere.txt: no such file", "-f", "nowhere.txt"),
                usage("a directory given as host file", directory + ": is a directory, not a host list",
                        directory.toString()),
                usage("a directory given with -f", directory + ": is a directory, not a host list",
                        "-f", directory.toString()),
                usage("no arguments at all", "nothing to check: give a host file or targets"),
                usage("--ca naming a missing file", "--ca " + missing + ": no such file", "--ca", missing.toString(),
                        "good.test"),
                usage("--ca file holding a private key", "--ca " + withKey + " contains a private key",
                        "--ca", withKey.toString(), "good.test"),
                usage("--ca empty file", "--ca " + empty + ": empty file", "--ca", empty.toString(), "good.test"),
                usage("--ca without its value", "Missing required parameter for option '--ca'", "--ca"),
                usage("an unknown option", "Unknown option: '--colour'", "--colour", "never", "good.test"),
                usage("--crit-days above --warn-days", "--crit-days (40) must not exceed --warn-days (30)",
                        "--crit-days", "40", "--warn-days", "30", "good.test"),
                usage("negative --warn-days", "--warn-days and --crit-days must not be negative",
                        "--warn-days", "-1", "--crit-days", "-2", "good.test"),
                usage("--concurrency 0", "--concurrency must be at least 1, got 0", "--concurrency", "0",
                        "good.test"),
                usage("--connect-timeout not a duration", "'abc' is not a duration", "--connect-timeout", "abc",
                        "good.test"),
                usage("--handshake-timeout too long for a socket", "'100000000000m' is too long: at most 60m",
                        "--handshake-timeout", "100000000000m", "good.test"),
                usage("--output not a format", "Invalid value for option '--output'", "--output", "xml",
                        "good.test"));
    }

    private static Arguments usage(String name, String message, String... args) {
        return Arguments.of(name, message, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void usageErrorExitsTwoWithOneLineAndNoStackTrace(String name, String message, String[] args) {
        CliRun run = CliRun.run(args);

        assertUsageError(run, message);
    }

    @Test
    void hostFileWithOnlyCommentsIsAUsageErrorNamingTheFile() throws Exception {
        Path hosts = hostFile("only-comments.txt", "# nothing yet", "", "   # still nothing");

        CliRun run = check(hosts.toString());

        assertUsageError(run, hosts + ": no targets (empty, or only blank and comment lines)");
    }

    @Test
    void helpListsTheExitCodesAndTheDemo() {
        CliRun run = CliRun.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("\n  demo +Checks a demo fleet of TLS servers on loopback: no network needed.\n")
                .containsPattern("\n  verify +Verifies certificate files offline: no network access at all.\n")
                .containsPattern("\n  merge +Combines the JSON reports of shards");
        assertThat(run.out()).contains("Usage: certcheck", "Exit codes:",
                "0  every target checked, none failed", "1  at least one target failed", "2  usage error",
                "3  at least one target could not be checked", "4  internal error");
        assertThat(run.err()).isEmpty();
    }

    /** Without a terminal (piped, in CI) picocli wraps every authored line at 80 columns on its own. */
    @Test
    void helpTextIsWrittenForEightyColumns() {
        CommandLine commandLine = Main.commandLine(Clock.systemUTC(), Resolver.SYSTEM, Map.of());
        List<String> authored = new ArrayList<>();
        for (CommandLine command : List.of(commandLine, commandLine.getSubcommands().get("demo"))) {
            UsageMessageSpec usage = command.getCommandSpec().usageMessage();
            Stream.of(usage.description()).flatMap(String::lines).forEach(authored::add);
            Stream.of(usage.footer()).flatMap(String::lines).forEach(authored::add);
        }

        assertThat(authored).isNotEmpty().allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
    }

    @Test
    void versionNamesTheProgram() {
        CliRun run = CliRun.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("certcheck ").contains("Java ");
    }

    @Test
    void detailsShowTheCertificateTheConnectionAndTheChain() throws Exception {
        CliRun run = check("-v", good);

        String sha256 = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.certificate().getEncoded()));
        assertThat(run.out()).contains(
                "    subject:    CN=good.test\n",
                "    SANs:       DNS:good.test, DNS:www.test\n",
                "    SHA-256:    " + sha256 + "\n",
                "    key:        EC 256\n",
                "    protocol:   TLSv1.3\n",
                "    chain:      #0 CN=good.test  <- issued by CN=Test Issuing CA,O=Test Corp\n"
                        + "                #1 CN=Test Issuing CA,O=Test Corp  <- issued by CN=Test Root CA,O=Test Corp\n",
                "    anchor:     CN=Test Root CA,O=Test Corp\n");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void jsonSummaryCountsAPassAndARefusedPortAndExitsThree() throws Exception {
        String refused = "good.test:" + TlsServer.closedPort(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));

        CliRun run = check("--output", "json", good, refused);

        assertThat(statuses(run)).containsExactly(good + " PASS", refused + " UNKNOWN");
        assertThat(run.target(refused).get("findings").findValuesAsText("code")).containsExactly("probe.refused");
        JsonNode summary = run.json().get("summary");
        assertThat(summary.get("total").asInt()).isEqualTo(2);
        assertThat(summary.get("pass").asInt()).isEqualTo(1);
        assertThat(summary.get("warn").asInt()).isZero();
        assertThat(summary.get("fail").asInt()).isZero();
        assertThat(summary.get("unknown").asInt()).isEqualTo(1);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNCHECKED);
    }

    private static CliRun check(String... args) {
        List<String> all = new ArrayList<>(List.of("--ca", rootPem.toString()));
        all.addAll(List.of(args));
        return CliRun.run(Clock.fixed(NOW, ZoneOffset.UTC), Resolver.SYSTEM, all.toArray(String[]::new));
    }

    private static boolean makeFifo(Path path) throws InterruptedException {
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
            return mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path hostFile(String name, String... lines) throws Exception {
        return Files.write(temp.resolve(name), List.of(lines));
    }

    /** Each row as {@code "target STATUS"}, in report order. */
    private static List<String> statuses(CliRun run) {
        List<String> rows = new ArrayList<>();
        run.json().get("targets").forEach(t -> rows.add(t.get("target").asText() + " " + t.get("status").asText()));
        return rows;
    }

    /**
     * Exit 2, nothing on stdout, one line naming the problem (plus picocli's suggestions for a
     * mistyped option and the --help hint for parse errors), no trace.
     */
    private static void assertUsageError(CliRun run, String message) {
        assertThat(run.exitCode()).as("exit code; stderr:\n%s", run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        List<String> lines = run.err().lines().filter(line -> !line.startsWith("Possible solutions: ")).toList();
        assertThat(lines).as(run.err()).isNotEmpty();
        assertThat(lines.get(0)).startsWith("certcheck: ").contains(message);
        assertThat(lines.subList(1, lines.size())).as(run.err()).isIn(List.of(), List.of(USAGE_HINT));
    }
}
