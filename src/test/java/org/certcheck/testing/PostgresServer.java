package org.certcheck.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.certcheck.pki.HeldCertificate;
import org.certcheck.pki.Pem;

/**
 * A real PostgreSQL server from Debian's {@code postgresql} package, in a throwaway cluster on
 * 127.0.0.1 with {@code ssl = on} and a certificate the test minted. PostgreSQL refuses to run as
 * root, so when the tests run as root the cluster belongs to, and runs as, the {@code postgres}
 * user (through {@code runuser}). Close it to stop the server and delete the cluster.
 */
public final class PostgresServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final InetAddress IPV4_LOOPBACK = InetAddress.getLoopbackAddress();

    private final Process process;
    private final Path directory;
    private final int port;

    private PostgresServer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** The directory holding {@code initdb} and {@code postgres}: the newest Debian version, or the PATH. */
    public static Optional<Path> binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            Optional<Path> debian = versions.map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres")))
                    .max(Comparator.comparing(bin -> bin.getParent().getFileName().toString(),
                            Comparator.comparingInt(PostgresServer::versionNumber)));
            if (debian.isPresent()) {
                return debian;
            }
        } catch (IOException notDebian) {
            // fall through to the PATH
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "initdb"))
                    && Files.isExecutable(Path.of(directory, "postgres"))) {
                return Optional.of(Path.of(directory));
            }
        }
        return Optional.empty();
    }

    /** Creates a cluster and starts it with TLS on, serving {@code leaf} followed by {@code chain}. */
    public static PostgresServer start(HeldCertificate leaf, List<HeldCertificate> chain)
            throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed"));
        Path directory = Files.createTempDirectory("certcheck-pg-");
        List<String> asUser = asDatabaseUser();
        Path cert = Files.writeString(directory.resolve("server.crt"),
                Pem.encode(Stream.concat(Stream.of(leaf), chain.stream()).map(HeldCertificate::certificate).toArray()));
        Path key = Files.writeString(directory.resolve("server.key"), Pem.encode(leaf.privateKey()));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        if (!asUser.isEmpty()) {
            UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
            for (Path path : List.of(directory, cert, key)) {
                Files.setOwner(path, users.lookupPrincipalByName("postgres"));
            }
        }
        run(directory.resolve("initdb.log"), command(asUser, bin.resolve("initdb").toString(), "-D",
                directory.resolve("data").toString(), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8",
                "--locale=C"));
        int port = freePort();
        Process server = new ProcessBuilder(command(asUser, bin.resolve("postgres").toString(),
                "-D", directory.resolve("data").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-k", directory.toString(), "-c", "ssl=on", "-c", "ssl_cert_file=" + cert, "-c", "ssl_key_file=" + key,
                "-c", "fsync=off", "-c", "logging_collector=off"))
                .redirectErrorStream(true).redirectOutput(directory.resolve("server.log").toFile()).start();
        PostgresServer started = new PostgresServer(server, directory, port);
        try {
            started.awaitListening();
        } catch (IOException | InterruptedException | RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    public int port() {
        return port;
    }

    /** Stops the server (and its children, which a {@code runuser} parent does not always take along) and deletes the cluster. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("postgres exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(IPV4_LOOPBACK, port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("postgres did not listen on port " + port + " within " + STARTUP.toSeconds()
                + " s:\n" + log());
    }

    private String log() throws IOException {
        return Files.readString(directory.resolve("server.log"));
    }

    /** PostgreSQL will not run as root: then it runs as the {@code postgres} user the package creates. */
    private static List<String> asDatabaseUser() {
        return "root".equals(System.getProperty("user.name")) ? List.of("runuser", "-u", "postgres", "--") : List.of();
    }

    private static List<String> command(List<String> prefix, String... command) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(command));
        return all;
    }

    private static void run(Path log, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    private static int versionNumber(String version) {
        try {
            return Integer.parseInt(version.replaceAll("[^0-9].*$", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, IPV4_LOOPBACK)) {
            return socket.getLocalPort();
        }
    }
}
