package org.certcheck.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.certcheck.pki.HeldCertificate;
import org.certcheck.pki.Pem;

/**
 * A real {@code openssl ocsp} responder child process answering for one CA from an index file (the
 * format {@code openssl ca} keeps), so certcheck meets an OCSP implementation that is not Bouncy
 * Castle's. It signs with the CA's own key and listens on a free port; close it to end the process.
 */
public final class OpenSslOcspResponder implements AutoCloseable {
    private static final DateTimeFormatter INDEX_TIME =
            DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Process process;
    private final int port;
    private final Path log;

    private OpenSslOcspResponder(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** One line of the index: a certificate and, if revoked, when and why. */
    public record Entry(HeldCertificate certificate, Instant revokedAt, String reason) {
        public static Entry valid(HeldCertificate certificate) {
            return new Entry(certificate, null, null);
        }

        public static Entry revoked(HeldCertificate certificate, Instant at, String reason) {
            return new Entry(certificate, at, reason);
        }

        String line() {
            String expiry = INDEX_TIME.format(certificate.certificate().getNotAfter().toInstant());
            String revocation = revokedAt == null ? "" : INDEX_TIME.format(revokedAt) + (reason == null ? "" : "," + reason);
            return (revokedAt == null ? "V" : "R") + "\t" + expiry + "\t" + revocation + "\t"
                    + serial(certificate.certificate().getSerialNumber()) + "\tunknown\t/CN=certcheck\n";
        }
    }

    /**
     * A free port on 127.0.0.1 for a responder to be started on later: certificates must name the
     * responder's URL before the responder can be told their serials.
     */
    public static int reservePort() throws IOException {
        return freePort();
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public static String url(int port) {
        return "http://127.0.0.1:" + port + "/";
    }

    /**
     * Starts a responder for {@code ca} knowing {@code entries} on {@code port}; returns once it
     * accepts connections.
     */
    public static OpenSslOcspResponder start(Path directory, HeldCertificate ca, List<Entry> entries, int port)
            throws IOException, InterruptedException {
        Path files = Files.createTempDirectory(directory, "openssl-ocsp-");
        StringBuilder index = new StringBuilder();
        entries.forEach(entry -> index.append(entry.line()));
        Path indexFile = Files.writeString(files.resolve("index.txt"), index);
        Path caPem = Files.writeString(files.resolve("ca.pem"), ca.certificatePem());
        Path caKey = Files.writeString(files.resolve("ca.key"), Pem.encode(ca.privateKey()));
        Path log = files.resolve("ocsp.log");
        List<String> command = new ArrayList<>(List.of(OpenSslServer.executable().orElseThrow().toString(), "ocsp",
                "-index", indexFile.toString(), "-CA", caPem.toString(), "-rsigner", caPem.toString(),
                "-rkey", caKey.toString(), "-port", Integer.toString(port), "-ndays", "1"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        OpenSslOcspResponder responder = new OpenSslOcspResponder(process, port, log);
        if (!responder.awaitListening()) {
            String output = responder.output();
            responder.close();
            throw new IllegalStateException(String.join(" ", command) + " did not start; it said:\n" + output);
        }
        return responder;
    }

    public String url() {
        return url(port);
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        ServerProcesses.stop(process);
    }

    /** As OpenSSL writes serials in its index: upper-case hex, whole bytes. */
    static String serial(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    /**
     * Waits for the responder to say it listens. A test connection would not do: the responder
     * serves one connection at a time and would wait forever for a request on it.
     */
    private boolean awaitListening() throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            if (output().contains("waiting for OCSP client connections")) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        }
    }
}
