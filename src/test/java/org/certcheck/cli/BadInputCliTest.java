package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.certcheck.demo.TlsServer;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Host files and CA files as they come from real hands, beyond {@link CliInputTest}: unreadable,
 * empty, binary and huge host files, a file of every kind of bad line, CA material as DER, as a
 * mixed directory, as a plain leaf, as a huge file. Each either works or exits 2 with one line
 * naming the file, and never with a stack trace unless {@code --debug} asks for one.
 */
class BadInputCliTest {
    private static final String UNREADABLE = "/proc/self/mem";

    @TempDir
    static Path temp;

    private static TestPki pki;
    private static HeldCertificate leaf;
    private static TlsServer server;
    private static Path rootPem;
    private static String good;

    @BeforeAll
    static void startServer() throws Exception {
        pki = new TestPki();
        leaf = pki.leaf("good.test").addSubjectAltName("xn--bcher-kva.test").build();
        server = TlsServer.start(InetAddress.getLoopbackAddress(),
                List.of(leaf.certificate(), pki.intermediate.certificate()), leaf.privateKey());
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
        good = "good.test:" + server.port();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** Root cannot be kept from reading a file by its permissions; the kernel refuses to read this one. */
    @Test
    void unreadableHostFileIsAUsageErrorNamingItAndWhy() {
        assumeTrue(Files.isRegularFile(Path.of(UNREADABLE)), "no " + UNREADABLE + " on this system");

        CliRun run = check("-f", UNREADABLE);

        assertUsageError(run, UNREADABLE + ": cannot be read: ");
    }

    @Test
    void zeroByteHostFileIsAUsageError() throws Exception {
        Path empty = Files.write(temp.resolve("empty.txt"), new byte[0]);

        assertUsageError(check(empty.toString()), empty + ": no targets (empty, or only blank and comment lines)");
    }

    @Test
    void binaryHostFileIsAUsageErrorNamingTheLine() throws Exception {
        byte[] gzip = {0x1f, (byte) 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, '\n', 0x00};
        Path binary = Files.write(temp.resolve("hosts.txt.gz"), gzip);

        assertUsageError(check("-f", binary.toString()), binary + ": not a text file (invalid UTF-8 at line 1)");
    }

    @Test
    void hugeHostFileIsAUsageErrorWithoutReadingItWhole() throws Exception {
        Path huge = temp.resolve("huge.txt");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30);
        }

        assertUsageError(check(huge.toString()), huge + ": too large for a host list (more than 16 MiB)");
    }

    /** Every kind of bad line gets its own row naming file and line; the good lines around them pass. */
    @Test
    void everyBadLineIsItsOwnRowAndTheGoodLinesAreChecked() throws Exception {
        String port = Integer.toString(server.port());
        List<String> lines = List.of(good, "web:0", "web:65536", "web:https", "a".repeat(64) + ".test",
                "x".repeat(5000), "[::1", "::1]:443", "web\u001b[2J", "bücher.test:" + port,
                "https://good.test:" + port + "/");
        Path hosts = Files.write(temp.resolve("hosts.txt"), lines, StandardCharsets.UTF_8);

        CliRun run = check("-o", "json", hosts.toString());

        Map<String, String> reasons = Map.of(
                "web:0", ":2: \"web:0\": port out of range (1-65535)",
                "web:65536", ":3: \"web:65536\": port out of range (1-65535)",
                "web:https", ":4: \"web:https\": port \"https\" is not a number",
                "a".repeat(64) + ".test", ":5: \"" + "a".repeat(64) + ".test\": label \"" + "a".repeat(20)
                        + "...\" too long (64 characters, limit 63)",
                "[::1", ":7: \"[::1\": unbalanced brackets",
                "::1]:443", ":8: \"::1]:443\": unbalanced brackets",
                "web\u001b[2J", ":9: ");
        reasons.forEach((text, reason) -> {
            JsonNode row = run.target(text);
            assertThat(row.get("status").asText()).as(text).isEqualTo("UNKNOWN");
            assertThat(row.get("findings").findValuesAsText("code")).as(text).containsExactly("input.malformed");
            assertThat(row.get("findings").get(0).get("message").asText()).as(text).startsWith(hosts + reason);
        });
        JsonNode tooLong = run.json().get("targets").get(5);
        assertThat(tooLong.get("origin").asText()).isEqualTo(hosts + ":6");
        assertThat(tooLong.get("findings").get(0).get("message").asText()).endsWith(": line too long (5000 characters, limit 4096)");
        assertThat(run.target(good).get("status").asText()).isEqualTo("PASS");
        JsonNode idn = run.target("xn--bcher-kva.test:" + port);
        assertThat(idn.get("origin").asText()).isEqualTo(hosts + ":10");
        assertThat(idn.get("status").asText()).as("the A-label is checked like any name").isEqualTo("PASS");
        assertThat(run.json().get("summary").get("total").asInt()).isEqualTo(lines.size() - 1);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNCHECKED);
    }

    @Test
    void derCaFileIsAcceptedInsteadOfPem() throws Exception {
        Path der = Files.write(temp.resolve("root.der"), pki.root.certificate().getEncoded());

        CliRun run = CliRun.run("--ca", der.toString(), "-o", "json", good);

        assertThat(run.target(good).get("status").asText()).as(run.err()).isEqualTo("PASS");
    }

    @Test
    void directoryOfMixedFilesTrustsTheCertificatesInIt() throws Exception {
        Path certs = Files.createDirectory(temp.resolve("certs.d"));
        Files.writeString(certs.resolve("README.txt"), "Corporate CAs go here.\n");
        Files.write(certs.resolve("root.der"), pki.root.certificate().getEncoded());
        Files.writeString(certs.resolve("other.pem"), TestPki.otherRoot(pki.now).certificatePem());
        Files.writeString(certs.resolve(".hidden.pem"), "not even PEM");
        Files.createDirectory(certs.resolve("old"));
        Files.write(certs.resolve("empty.crt"), new byte[0]);

        CliRun run = CliRun.run("--ca", certs.toString(), "-o", "json", good);

        assertThat(run.target(good).get("status").asText()).as(run.err()).isEqualTo("PASS");
        assertThat(run.json().get("trust").asText()).isEqualTo("2 CAs from " + certs);
    }

    @Test
    void selfSignedLeafGivenAsCaIsTrustedDirectly() throws Exception {
        HeldCertificate selfSigned = HeldCertificate.builder(pki.now).commonName("good.test")
                .addSubjectAltName("good.test").build();
        Path leafPem = Files.writeString(temp.resolve("legacy.pem"), selfSigned.certificatePem());
        try (TlsServer legacy = TlsServer.start(InetAddress.getLoopbackAddress(), List.of(selfSigned.certificate()),
                selfSigned.privateKey())) {
            String target = "good.test:" + legacy.port();

            CliRun run = CliRun.run("--ca", leafPem.toString(), "-o", "json", target);

            assertThat(run.target(target).get("status").asText()).as(run.err()).isEqualTo("PASS");
        }
    }

    @Test
    void hugeCaFileIsAUsageError() throws Exception {
        Path huge = temp.resolve("bundle.pem");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30);
        }

        assertUsageError(CliRun.run("--ca", huge.toString(), good), "--ca " + huge + ": too large for a CA file");
    }

    @Test
    void debugAddsTheStackTraceToAUsageError() throws Exception {
        Path empty = Files.writeString(temp.resolve("empty-ca.pem"), "");

        CliRun run = CliRun.run("--debug", "--ca", empty.toString(), good);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("certcheck: --ca " + empty + ": empty file").contains("\tat ");
    }

    private static CliRun check(String... args) {
        List<String> all = new ArrayList<>(List.of("--ca", rootPem.toString()));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    /** Exit 2, nothing on stdout, one line on stderr starting with the message, no stack trace. */
    private static void assertUsageError(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).as(run.err()).hasSize(1)
                .first().asString().startsWith("certcheck: " + message);
    }
}
