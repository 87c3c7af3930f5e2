package org.certcheck.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The launchers as operators use them (issue 17): the distribution tarball unpacked into a
 * read-only directory, its {@code bin/certcheck} symlinked into a PATH directory, run by a user who
 * can write nothing there ({@code nobody} when the test runs as root); and the development
 * {@code ./certcheck} of a clone whose {@code target/} that user cannot write, through a link.
 * Runs in {@code mvn verify} after {@code package} (failsafe); skips only when nothing was built.
 */
class DistributionIT {
    private static final Path TARGET = Path.of("target");
    private Path work;

    @BeforeEach
    void workDirectory() throws IOException {
        work = Files.createTempDirectory("certcheck-dist");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void removeIt() throws IOException, InterruptedException {
        run(List.of("chmod", "-R", "u+w", work.toString()), Map.of());
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void theTarballRunsTheDemoFromAReadOnlyDirectoryThroughASymlinkAsAnotherUser() throws Exception {
        Path tarball = built("certcheck-", ".tar.gz");
        Path unpacked = Files.createDirectories(work.resolve("opt"));
        assertThat(run(List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()), Map.of()).code())
                .isZero();
        Path home;
        try (Stream<Path> dirs = Files.list(unpacked)) {
            home = dirs.findFirst().orElseThrow();
        }
        assertThat(home.resolve("lib/certcheck.jar")).isRegularFile();
        assertThat(home.resolve("share/man/man1/certcheck.1")).isRegularFile();
        assertThat(home.resolve("share/bash-completion/completions/certcheck")).isRegularFile();
        assertThat(home.resolve("LICENSE")).isRegularFile();
        assertThat(home.resolve("README.md")).isRegularFile();
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("certcheck"), home.resolve("bin/certcheck"));
        readOnly(work);

        Outcome demo = asUnprivilegedUser(bin, "certcheck", "demo");
        Outcome version = asUnprivilegedUser(bin, "certcheck", "--version");

        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("20 checked");
        assertThat(demo.err()).contains("all 20 targets got the verdict they were built for");
        assertThat(demo.err()).doesNotContain("Permission denied").doesNotContain("POM");
        assertThat(version.code()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("certcheck ").contains("commit ");
    }

    @Test
    void theDevelopmentLauncherRunsAnExistingJarForAUserWhoCannotWriteTargetThroughASymlink() throws Exception {
        Path jar = builtJar();
        Path clone = Files.createDirectories(work.resolve("clone"));
        Files.createDirectories(clone.resolve("src/main"));
        Files.createDirectories(clone.resolve("src/dist/bin"));
        Files.createDirectories(clone.resolve("target"));
        Files.copy(Path.of("certcheck"), clone.resolve("certcheck"));
        Files.copy(Path.of("src/dist/bin/certcheck"), clone.resolve("src/dist/bin/certcheck"));
        Files.copy(Path.of("pom.xml"), clone.resolve("pom.xml"));
        // The sources are older than the jar, as after a build by the clone's owner.
        run(List.of("touch", "-d", "2000-01-01", clone.resolve("pom.xml").toString(), clone.resolve("src/main").toString(),
                clone.resolve("src/dist/bin/certcheck").toString()), Map.of());
        Files.copy(jar, clone.resolve("target/certcheck.jar"));
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("certcheck"), clone.resolve("certcheck"));
        readOnly(work);

        Outcome version = asUnprivilegedUser(bin, "certcheck", "--version");

        assertThat(version.code()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("certcheck ");
        assertThat(version.err()).isEmpty();
    }

    @Test
    void onJava22AndLaterNeitherTheLauncherNorTheJarWarnsAboutTheTlsEnginesNativeLibrary() throws Exception {
        Path jar = builtJar();
        Path javaHome = newerJava().orElse(null);
        assumeTrue(javaHome != null, "no Java 22+ in /usr/lib/jvm: the native-access warning cannot be shown here");
        Path java = javaHome.resolve("bin/java");
        Map<String, String> environment = Map.of("JAVA_HOME", javaHome.toString(), "HOME", "/nonexistent",
                "CERTCHECK_JAR", jar.toAbsolutePath().toString());

        Outcome plain = run(List.of(java.toString(), "-jar", jar.toString(), "--version"), environment);
        Outcome launcher = run(List.of("src/dist/bin/certcheck", "--version"), environment);

        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("TLS engine: conscrypt");
        assertThat(plain.err()).doesNotContain("WARNING");
        assertThat(launcher.code()).as(launcher.err()).isZero();
        assertThat(launcher.out()).contains("TLS engine: conscrypt");
        assertThat(launcher.err()).doesNotContain("WARNING");
    }

    @Test
    void theJdkEngineLoadsNoNativeCodeAndTheDefaultLoadsConscrypt() throws Exception {
        Outcome withJdk = checkRefusedPort(List.of("-verbose:jni"), "--tls-engine", "jdk");
        Outcome withDefault = checkRefusedPort(List.of("-verbose:jni"));

        assertThat(withJdk.code()).as(withJdk.err()).isEqualTo(3);
        assertThat(withJdk.out() + withJdk.err()).doesNotContainIgnoringCase("conscrypt");
        assertThat(withDefault.code()).as(withDefault.err()).isEqualTo(3);
        assertThat(withDefault.out() + withDefault.err()).contains("org.conscrypt.NativeCrypto");
    }

    @Test
    void verboseLogsReachStderrThroughTheJarsOwnLoggingSetupWithoutSlf4jNotices() throws Exception {
        Outcome verbose = checkRefusedPort(List.of(), "-v");
        Outcome quiet = checkRefusedPort(List.of());

        assertThat(verbose.code()).as(verbose.err()).isEqualTo(3);
        assertThat(verbose.err()).contains("certcheck: INFO TLS engine: ").doesNotContain("SLF4J");
        assertThat(verbose.out()).doesNotContain("INFO");
        assertThat(quiet.err()).doesNotContain("INFO").doesNotContain("SLF4J");
    }

    /**
     * {@code java JVM-OPTIONS -jar target/certcheck.jar ARGS --ca CA 127.0.0.1:1}: port 1 on loopback
     * is refused at once, after the TLS engine and the logging were set up.
     */
    private Outcome checkRefusedPort(List<String> jvmOptions, String... args) throws Exception {
        Path jar = builtJar();
        Path ca = work.resolve("ca.pem");
        if (!Files.exists(ca)) {
            Files.writeString(ca, org.certcheck.pki.HeldCertificate.builder(java.time.Instant.now())
                    .commonName("Dist Test CA").certificateAuthority(0).build().certificatePem());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--ca", ca.toString(), "--connect-timeout", "2s", "127.0.0.1:1"));
        return run(command, Map.of());
    }

    private static Path builtJar() {
        Path jar = TARGET.resolve("certcheck.jar");
        assumeTrue(Files.isRegularFile(jar), "target/certcheck.jar is not built: run mvn -B package first");
        return jar;
    }

    /** A JDK of version 22 or later beside the one running the tests, if the machine has one. */
    private static java.util.Optional<Path> newerJava() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> feature(home) >= 22).findFirst();
        }
    }

    private static int feature(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return Integer.parseInt(line.replaceAll("[^0-9.]", "").split("\\.")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static Path built(String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            Path found = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            assumeTrue(found != null, "no target/" + prefix + "*" + suffix + ": run mvn -B package first");
            return found;
        }
    }

    private static void readOnly(Path directory) throws IOException, InterruptedException {
        assertThat(run(List.of("chmod", "-R", "a-w,a+rX", directory.toString()), Map.of()).code()).isZero();
    }

    /** As nobody when root (setpriv), else as this user; HOME unwritable, so no start-up archive. */
    private static Outcome asUnprivilegedUser(Path bin, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            line.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        line.addAll(List.of("env", "HOME=/nonexistent", "PATH=" + bin + ":/usr/bin:/bin"));
        line.addAll(List.of(command));
        Map<String, String> environment = System.getenv("JAVA_HOME") == null ? Map.of()
                : Map.of("JAVA_HOME", System.getenv("JAVA_HOME"));
        return run(line, environment);
    }

    record Outcome(int code, String out, String err) {
    }

    private static Outcome run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("certcheck-dist-out", ".txt");
        Path err = Files.createTempFile("certcheck-dist-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().remove("XDG_CACHE_HOME");
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
            }
            return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
