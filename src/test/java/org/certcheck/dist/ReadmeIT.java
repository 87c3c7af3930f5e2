package org.certcheck.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.certcheck.demo.TlsServer;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the README, run as the README shows it (issue 17): the fenced blocks marked
 * {@code sh test}, {@code cron test} and {@code yaml test}, in order, through the installed tarball,
 * in a directory holding what the commands name ({@code hosts.txt} of servers on loopback,
 * {@code certs/corp-root.pem}, certificate files). Only absolute paths are moved into that
 * directory ({@code /opt}, {@code ~/bin}, {@code /etc/certcheck}, ...); host names resolve from a
 * hosts file. Runs after {@code package} (failsafe); skips only when nothing was built.
 */
class ReadmeIT {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private final List<TlsServer> servers = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void stopServers() throws IOException {
        for (TlsServer server : servers) {
            server.close();
        }
    }

    @Test
    void everyCommandOfTheReadmeRunsAndExitsZero() throws Exception {
        assumeTrue(tarballBuilt(), "no target/certcheck-*.tar.gz: run mvn -B package first");
        setUpTheDirectoryTheCommandsName();
        List<String> commands = ReadmeBlocks.commands(Files.readString(PROJECT.resolve("README.md")));
        assertThat(commands).hasSizeGreaterThanOrEqualTo(10);

        for (String command : commands) {
            Outcome outcome = shell(localised(command), work);

            assertThat(outcome.code()).as("README command %s\nstdout:\n%s\nstderr:\n%s", command, outcome.out(),
                    outcome.err()).isZero();
            assertThat(outcome.err()).as("stderr of README command %s", command).doesNotContain("WARN");
        }
        assertThat(work.resolve("report.json")).content().contains("\"status\"");
        assertThat(work.resolve("certcheck.xml")).content().contains("<testsuite");
        assertThat(work.resolve("www/index.html")).isRegularFile();
    }

    @Test
    void theFirstOfTheTwoCommandsRunsTheDemo() throws Exception {
        assumeTrue(Files.isRegularFile(PROJECT.resolve("target/certcheck.jar")), "target/certcheck.jar is not built");
        String readme = Files.readString(PROJECT.resolve("README.md"));
        assertThat(readme).contains("./certcheck demo        #").contains("mvn -B verify           #");

        Outcome demo = shell("./certcheck demo", PROJECT);

        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.err()).contains("all 20 targets got the verdict they were built for");
    }

    private static boolean tarballBuilt() throws IOException {
        try (Stream<Path> files = Files.list(PROJECT.resolve("target"))) {
            return files.anyMatch(f -> f.getFileName().toString().matches("certcheck-.*\\.tar\\.gz"));
        }
    }

    /** Absolute paths of the README, moved into the work directory. */
    private String localised(String command) {
        return command.replace(" target/", " " + PROJECT.resolve("target") + "/")
                .replace("/opt/app/", work + "/app/")
                .replace("/opt", work + "/opt")
                .replace("~/bin", work + "/bin")
                .replace("/etc/certcheck/", work + "/")
                .replace("/var/www/certs/", work + "/www/")
                .replace("/etc/ssl", work + "/ssl");
    }

    private void setUpTheDirectoryTheCommandsName() throws Exception {
        TestPki pki = new TestPki();
        Files.createDirectories(work.resolve("opt"));
        Files.createDirectories(work.resolve("bin"));
        Files.createDirectories(work.resolve("home"));
        Files.createDirectories(work.resolve("www"));
        Path certs = Files.createDirectories(work.resolve("certs"));
        Files.writeString(certs.resolve("corp-root.pem"), pki.root.certificatePem());
        // As in the repository: a README beside the CA, which --ca certs/ must pass over quietly.
        Files.copy(PROJECT.resolve("certs/README.md"), certs.resolve("README.md"));
        Files.writeString(work.resolve("corp-root.pem"), pki.root.certificatePem());
        HeldCertificate web = pki.leaf("web.corp").build();
        Files.writeString(work.resolve("web.pem"), web.certificatePem());
        Files.writeString(work.resolve("chain.pem"), pki.intermediate.certificatePem());
        Path ssl = Files.createDirectories(work.resolve("ssl"));
        Files.writeString(ssl.resolve("web.pem"), web.certificatePem() + pki.intermediate.certificatePem());
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        keystore.load(null, null);
        keystore.setKeyEntry("web", web.privateKey(), "changeit".toCharArray(),
                new Certificate[] {web.certificate(), pki.intermediate.certificate()});
        Path app = Files.createDirectories(work.resolve("app"));
        try (var out = Files.newOutputStream(app.resolve("keystore.p12"))) {
            keystore.store(out, "changeit".toCharArray());
        }
        StringBuilder hosts = new StringBuilder("# hosts of the README's commands, all on loopback\n");
        for (String name : List.of("wiki.corp", "intranet.corp")) {
            HeldCertificate leaf = pki.leaf(name).build();
            TlsServer server = TlsServer.start(InetAddress.getLoopbackAddress(),
                    List.of(leaf.certificate(), pki.intermediate.certificate()), leaf.privateKey());
            servers.add(server);
            hosts.append(name).append(':').append(server.port()).append('\n');
        }
        Files.writeString(work.resolve("hosts.txt"), hosts.toString());
        Files.writeString(work.resolve("test-hosts"), "127.0.0.1 wiki.corp\n127.0.0.1 intranet.corp\n");
    }

    record Outcome(int code, String out, String err) {
    }

    private Outcome shell(String command, Path directory) throws IOException, InterruptedException {
        Path out = Files.createTempFile("readme-out", ".txt");
        Path err = Files.createTempFile("readme-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().remove("XDG_CACHE_HOME");
            builder.environment().put("HOME", work.resolve("home").toString());
            builder.environment().put("PATH", work.resolve("bin") + ":" + System.getenv("PATH"));
            builder.environment().put("NO_COLOR", "1");
            builder.environment().put("CERTCHECK_JAVA_OPTS", "-Djdk.net.hosts.file=" + work.resolve("test-hosts"));
            Process process = builder.start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " did not finish within 300 s");
            }
            return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
