package org.certcheck.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.demo.TlsServer;
import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;

/**
 * Four targets on loopback, one per status, for tests of what a whole run prints: {@code good.test}
 * passes (90 days left), {@code server.test} warns (expires in 12 days), {@code expired.test} fails
 * (expired 3 days ago), and a closed port on {@code localhost} is unknown (refused). Runs use a
 * fixed clock and the fleet's own root CA.
 */
public final class SmallFleet implements AutoCloseable {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    public final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    public final Path caFile;
    public final String good;
    public final String expiring;
    public final String expired;
    public final String refused;
    private final List<TlsServer> servers = new ArrayList<>();

    private SmallFleet(Path directory) throws IOException {
        TestPki pki = new TestPki(now);
        caFile = Files.writeString(directory.resolve("fleet-root.pem"), pki.root.certificatePem());
        good = "good.test:" + serve(pki, pki.leaf("good.test").build());
        expiring = "server.test:" + serve(pki, pki.leaf("server.test").validFor(Duration.ofDays(-30),
                Duration.ofDays(42)).build());
        expired = "expired.test:" + serve(pki, pki.leaf("expired.test").validFor(Duration.ofDays(-93),
                Duration.ofDays(90)).build());
        refused = "localhost:" + TlsServer.closedPort(LOOPBACK);
    }

    /** Starts the servers; {@code directory} receives the CA file. */
    public static SmallFleet start(Path directory) throws IOException {
        return new SmallFleet(directory);
    }

    /** The targets in this order: good, expiring, expired, refused. */
    public List<String> targets() {
        return List.of(good, expiring, expired, refused);
    }

    /** {@code certcheck --ca <root> ARGS... TARGETS...} at the fleet's instant. */
    public CliRun run(String... args) {
        return runOn(targets(), args);
    }

    /** {@code certcheck --ca <root> ARGS... targets...} at the fleet's instant. */
    public CliRun runOn(List<String> targets, String... args) {
        return runWith(java.util.Map.of("NO_COLOR", "1"), targets, args);
    }

    /** As {@link #runOn}, with {@code environment} as the process environment. */
    public CliRun runWith(java.util.Map<String, String> environment, List<String> targets, String... args) {
        // Revocation is its own subject (RevocationCliTest); here it would only add INFO noise.
        List<String> all = new ArrayList<>(List.of("--revocation", "off", "--ca", caFile.toString()));
        all.addAll(List.of(args));
        all.addAll(targets);
        return CliRun.run(Clock.fixed(now, ZoneOffset.UTC), Resolver.SYSTEM, environment,
                java.io.InputStream.nullInputStream(), all.toArray(String[]::new));
    }

    private int serve(TestPki pki, HeldCertificate leaf) throws IOException {
        TlsServer server = TlsServer.start(LOOPBACK, List.of(leaf.certificate(), pki.intermediate.certificate()),
                leaf.privateKey());
        servers.add(server);
        return server.port();
    }

    @Override
    public void close() throws IOException {
        for (TlsServer server : servers) {
            server.close();
        }
    }
}
