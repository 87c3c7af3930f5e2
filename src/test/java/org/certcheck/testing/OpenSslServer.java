package org.certcheck.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.certcheck.pki.HeldCertificate;
import org.certcheck.pki.Pem;

/**
 * A real {@code openssl s_server} child process on 127.0.0.1, serving a leaf certificate, its key
 * and exactly the chain certificates it is given, so certcheck meets a TLS stack that is not the
 * JDK's. Close it to end the process.
 *
 * <p>The server answers every connection with its status page ({@code -www}), so it never reads
 * its standard input, and it loads no default CA store ({@code -no-CAfile -no-CApath
 * -no-CAstore}), so it cannot complete a chain on its own: what it sends is what the test gave it.
 */
public final class OpenSslServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(20);
    /** Picking a free port and binding it are two steps; another process may win the port between them. */
    private static final int ATTEMPTS = 3;
    private static final InetAddress IPV4_LOOPBACK = ipv4Loopback();

    private final Process process;
    private final int port;
    private final Path log;

    private OpenSslServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The {@code openssl} executable on the {@code PATH}, if any. */
    public static Optional<Path> executable() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, "openssl");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Why this OpenSSL will not serve {@code cipherString} over the protocol {@code protocolFlag}
     * ({@code -tls1}, {@code -tls1_2}), in its own words; empty when it will. Asks
     * {@code openssl ciphers -s}, which applies the same build options and security level as
     * {@code s_server} would.
     */
    public static Optional<String> refusal(String protocolFlag, String cipherString)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(executable().orElseThrow().toString(), "ciphers", "-s", protocolFlag,
                cipherString).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .strip();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return Optional.of("openssl ciphers did not answer within 20 s");
        }
        if (process.exitValue() != 0 || output.isEmpty()) {
            return Optional.of("openssl refuses " + protocolFlag + " -cipher '" + cipherString + "': "
                    + (output.isEmpty() ? "no cipher suite left" : output.lines().findFirst().orElseThrow()));
        }
        return Optional.empty();
    }

    /**
     * Starts a server for {@code leaf} (with its private key) that sends {@code chain} after the
     * leaf, in that order; returns once the port accepts connections.
     *
     * @param directory    where the PEM files and the server's log are written
     * @param extraOptions further {@code s_server} options, e.g. {@code -tls1_2}
     */
    public static OpenSslServer serve(Path directory, HeldCertificate leaf, List<HeldCertificate> chain,
            String... extraOptions) throws IOException, InterruptedException {
        Path files = Files.createTempDirectory(directory, "openssl-");
        Path cert = Files.writeString(files.resolve("leaf.pem"), leaf.certificatePem());
        Path key = Files.writeString(files.resolve("key.pem"), Pem.encode(leaf.privateKey()));
        List<String> command = new ArrayList<>(List.of(executable().orElseThrow().toString(), "s_server",
                "-cert", cert.toString(), "-key", key.toString(),
                "-no-CAfile", "-no-CApath", "-no-CAstore", "-www", "-quiet"));
        if (!chain.isEmpty()) {
            Path chainPem = Files.writeString(files.resolve("chain.pem"),
                    Pem.encode(chain.stream().map(HeldCertificate::certificate).toArray()));
            command.addAll(List.of("-cert_chain", chainPem.toString()));
        }
        command.addAll(List.of(extraOptions));

        String failure = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            int port = freePort();
            Path log = files.resolve("s_server-" + attempt + ".log");
            List<String> withPort = new ArrayList<>(command);
            withPort.addAll(List.of("-accept", "127.0.0.1:" + port));
            Process process = new ProcessBuilder(withPort).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            OpenSslServer server = new OpenSslServer(process, port, log);
            try {
                if (ServerProcesses.awaitListening(process, port, STARTUP)) {
                    return server;
                }
            } catch (InterruptedException | RuntimeException e) {
                server.close();
                throw e;
            }
            server.close();
            failure = "openssl s_server " + (process.isAlive() ? "did not listen on port " + port + " within "
                    + STARTUP.toSeconds() + " s" : "exited with " + process.exitValue()) + "; its output:\n"
                    + server.output();
        }
        throw new IllegalStateException(String.join(" ", command) + " failed " + ATTEMPTS + " times; last: " + failure);
    }

    public int port() {
        return port;
    }

    /** What the server printed so far, for assertion messages. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the process, forcibly if it does not stop within five seconds. */
    @Override
    public void close() {
        ServerProcesses.stop(process);
    }


    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError("four bytes are always an address", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, IPV4_LOOPBACK)) {
            return socket.getLocalPort();
        }
    }
}
