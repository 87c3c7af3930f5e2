package org.certcheck.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.certcheck.pki.HeldCertificate;
import org.certcheck.pki.Pem;

/**
 * A private nginx (Debian's {@code nginx-light}) on 127.0.0.1: its own prefix, configuration, pid
 * and logs in a test directory, nothing read from {@code /etc/nginx}. Each {@link Site} is one
 * {@code server} block selected by SNI; the first is the default server, which nginx also answers
 * for names it does not know. Outside CI a missing nginx skips the test; in CI it fails it.
 */
public final class NginxServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(20);

    /**
     * @param serverName the SNI name of this server block
     * @param chain      what nginx sends: the leaf first, then any intermediates
     * @param directives more directives for the block, e.g. {@code ssl_stapling on;}
     */
    public record Site(String serverName, List<HeldCertificate> chain, String directives) {
    }

    private final Process process;
    private final int port;
    private final Path errorLog;

    private NginxServer(Process process, int port, Path errorLog) {
        this.process = process;
        this.port = port;
        this.errorLog = errorLog;
    }

    public static NginxServer start(Path directory, List<Site> sites) throws IOException, InterruptedException {
        Path nginx = executable();
        Path prefix = Files.createTempDirectory(directory, "nginx-");
        int port = freePort();
        StringBuilder config = new StringBuilder("daemon off;\nworker_processes 1;\npid " + prefix.resolve("nginx.pid")
                + ";\nerror_log " + prefix.resolve("error.log") + " warn;\nevents { worker_connections 64; }\n"
                + "http {\n  access_log off;\n  ssl_protocols TLSv1.2 TLSv1.3;\n");
        for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            config.append("  ").append(temp).append("_temp_path ").append(prefix.resolve(temp)).append(";\n");
        }
        for (int i = 0; i < sites.size(); i++) {
            Site site = sites.get(i);
            StringBuilder pem = new StringBuilder();
            site.chain().forEach(certificate -> pem.append(certificate.certificatePem()));
            Path chain = Files.writeString(prefix.resolve(i + "-chain.pem"), pem);
            Path key = Files.writeString(prefix.resolve(i + "-key.pem"), Pem.encode(site.chain().get(0).privateKey()));
            config.append("  server {\n    listen 127.0.0.1:").append(port).append(" ssl")
                    .append(i == 0 ? " default_server" : "").append(";\n    server_name ").append(site.serverName())
                    .append(";\n    ssl_certificate ").append(chain).append(";\n    ssl_certificate_key ").append(key)
                    .append(";\n    ").append(site.directives()).append("\n    return 200 \"").append(site.serverName())
                    .append("\\n\";\n  }\n");
        }
        config.append("}\n");
        Path conf = Files.writeString(prefix.resolve("nginx.conf"), config);
        Path errorLog = prefix.resolve("error.log");
        Process process = new ProcessBuilder(nginx.toString(), "-p", prefix.toString(), "-c", conf.toString(),
                "-e", errorLog.toString()).redirectErrorStream(true).redirectOutput(prefix.resolve("out.log").toFile())
                .start();
        NginxServer server = new NginxServer(process, port, errorLog);
        if (!ServerProcesses.awaitListening(process, port, STARTUP)) {
            String why = server.log() + read(prefix.resolve("out.log"));
            server.close();
            throw new IllegalStateException("nginx did not start on port " + port + ":\n" + why);
        }
        return server;
    }

    public int port() {
        return port;
    }

    /** nginx's error log, for assertion messages. */
    public String log() {
        return read(errorLog);
    }

    @Override
    public void close() {
        ServerProcesses.stop(process);
    }


    /** nginx from the PATH or /usr/sbin (where Debian puts it, often off a user's PATH). */
    private static Path executable() {
        Optional<Path> found = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(":")), Stream.of("/usr/sbin"))
                .filter(directory -> !directory.isEmpty()).map(directory -> Path.of(directory, "nginx"))
                .filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            String message = "nginx is not installed: apt-get install -y nginx-light (.ci/run installs it in CI)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            assumeTrue(false, message);
        }
        return found.orElseThrow();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
