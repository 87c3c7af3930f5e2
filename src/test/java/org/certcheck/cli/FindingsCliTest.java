package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.certcheck.demo.TlsServer;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.RawServer;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The findings and network outcomes the demo fleet does not show, each from a real server on
 * loopback, through the real command line: what status, which code, which exit code.
 */
class FindingsCliTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final TestPki pki = new TestPki();
    private Path rootPem;

    @TempDir
    Path temp;

    @BeforeEach
    void writeRoot() throws Exception {
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
    }

    private CliRun check(String target, String... options) {
        List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "-o", "json",
                "--connect-timeout", "1s", "--handshake-timeout", "2s"));
        args.addAll(List.of(options));
        args.add(target);
        return CliRun.run(args.toArray(String[]::new));
    }

    private CliRun serve(HeldCertificate leaf, List<HeldCertificate> rest, String... options) throws Exception {
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf.certificate()));
        rest.forEach(c -> chain.add(c.certificate()));
        try (TlsServer server = TlsServer.start(LOOPBACK, chain, leaf.privateKey())) {
            return check("good.test:" + server.port(), options);
        }
    }

    /** Codes of the findings that count towards the status; informational ones (e.g. revocation.no-info) left out. */
    private static List<String> codes(CliRun run) {
        List<String> codes = new ArrayList<>();
        run.json().get("targets").get(0).get("findings").forEach(finding -> {
            if (!finding.get("severity").asText().equals("INFO")) {
                codes.add(finding.get("code").asText());
            }
        });
        return codes;
    }

    private static String status(CliRun run) {
        return run.json().get("targets").get(0).get("status").asText();
    }

    @Test
    void leafSignedByAnImpostorIntermediateHasABadSignature() throws Exception {
        HeldCertificate impostor = HeldCertificate.builder(pki.now).organization("Test Corp")
                .commonName("Test Issuing CA").certificateAuthority(0).build();
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("good.test").addSubjectAltName("good.test")
                .signedBy(impostor).build();

        CliRun run = serve(leaf, List.of(pki.intermediate));

        assertThat(codes(run)).containsExactly("chain.bad-signature");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void tooManyIntermediatesExceedThePathLength() throws Exception {
        HeldCertificate sub = HeldCertificate.builder(pki.now).commonName("Sub CA").certificateAuthority(-1)
                .signedBy(pki.intermediate).build();
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("good.test").addSubjectAltName("good.test")
                .signedBy(sub).build();

        CliRun run = serve(leaf, List.of(sub, pki.intermediate));

        assertThat(codes(run)).contains("chain.path-length");
        assertThat(status(run)).isEqualTo("FAIL");
    }

    @Test
    void caWithoutKeyCertSignIsNamed() throws Exception {
        HeldCertificate ca = HeldCertificate.builder(pki.now).commonName("Signing-only CA").certificateAuthority(-1)
                .keyUsage(KeyUsage.digitalSignature).signedBy(pki.root).build();
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("good.test").addSubjectAltName("good.test")
                .signedBy(ca).build();

        CliRun run = serve(leaf, List.of(ca));

        JsonNode finding = run.json().get("targets").get(0).get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("chain.ca-key-usage");
        assertThat(finding.get("certificate").asText()).isEqualTo("CN=Signing-only CA");
    }

    @Test
    void nameOutsideTheIntermediatesConstraintsFails() throws Exception {
        HeldCertificate constrained = HeldCertificate.builder(pki.now).commonName("Corp-only CA")
                .certificateAuthority(0).permitDnsSubtree("corp.test").signedBy(pki.root).build();
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("good.test").addSubjectAltName("good.test")
                .signedBy(constrained).build();

        assertThat(codes(serve(leaf, List.of(constrained)))).containsExactly("chain.name-constraints");
    }

    @Test
    void unknownCriticalExtensionFails() throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").addUnknownCriticalExtension("1.3.6.1.4.1.55555.7").build();

        assertThat(codes(serve(leaf, List.of(pki.intermediate)))).containsExactly("cert.unknown-critical-extension");
    }

    @Test
    void expiryWithinCritDaysFailsAndWithinWarnDaysWarns() throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").expiresIn(Duration.ofDays(5)).build();

        CliRun critical = serve(leaf, List.of(pki.intermediate));
        CliRun relaxed = serve(leaf, List.of(pki.intermediate), "--crit-days", "2");

        assertThat(codes(critical)).containsExactly("cert.expires-very-soon");
        assertThat(critical.exitCode()).isEqualTo(1);
        assertThat(codes(relaxed)).containsExactly("cert.expires-soon");
        assertThat(relaxed.exitCode()).isZero();
    }

    @Test
    void ipv6LiteralTargetMatchesAnIpv6SanWrittenAnotherWay() throws Exception {
        HeldCertificate leaf = HeldCertificate.builder(pki.now).commonName("v6").addIpAddress("0:0:0:0:0:0:0:1")
                .signedBy(pki.intermediate).build();
        org.junit.jupiter.api.Assumptions.assumeTrue(ipv6LoopbackWorks(), "this machine has no ::1: IPv6 test skipped");
        try (TlsServer server = TlsServer.start(InetAddress.getByName("::1"),
                List.of(leaf.certificate(), pki.intermediate.certificate()), leaf.privateKey())) {
            CliRun run = check("[::1]:" + server.port());

            assertThat(status(run)).as(run.out()).isEqualTo("PASS");
        }
    }

    private static boolean ipv6LoopbackWorks() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void serverDemandingAClientCertificateIsStillJudgedAndTheRequirementNoted() throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").build();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", leaf.privateKey(), new char[0],
                new X509Certificate[] {leaf.certificate(), pki.intermediate.certificate()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
        keys.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5, LOOPBACK)) {
            server.setNeedClientAuth(true);
            server.setEnabledProtocols(new String[] {"TLSv1.2"});
            Thread thread = new Thread(() -> {
                try (SSLSocket connection = (SSLSocket) server.accept()) {
                    connection.startHandshake();
                } catch (Exception expected) {
                    // No client certificate: the server refuses, as it should.
                }
            });
            thread.setDaemon(true);
            thread.start();

            CliRun run = check("good.test:" + server.getLocalPort(), "--revocation", "off");

            // An INFO note, so codes() would leave it out.
            assertThat(run.json().get("targets").get(0).get("findings").findValuesAsText("code"))
                    .containsExactly("tls.client-cert-required");
            assertThat(status(run)).isEqualTo("PASS");
        }
    }

    @Test
    void tlsAlertBeforeAnyCertificateIsUnknown() throws Exception {
        try (RawServer alerting = new RawServer(connection -> {
            connection.getInputStream().read(new byte[4096]);
            connection.getOutputStream().write(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46});
            connection.getOutputStream().flush();
            connection.getInputStream().read();
        })) {
            CliRun run = check("127.0.0.1:" + alerting.port());

            assertThat(codes(run)).containsExactly("probe.tls-alert");
            assertThat(run.exitCode()).isEqualTo(3);
        }
    }

    @Test
    void resetDuringTheHandshakeIsUnknown() throws Exception {
        try (RawServer resetting = new RawServer(connection -> {
            connection.getInputStream().read(new byte[16]);
            connection.setSoLinger(true, 0);
        })) {
            assertThat(codes(check("127.0.0.1:" + resetting.port()))).containsExactly("probe.reset");
        }
    }

    @Test
    void serverThatClosesAtOnceIsUnknown() throws Exception {
        try (RawServer closing = new RawServer(connection -> connection.getInputStream().read(new byte[4096]))) {
            assertThat(codes(check("127.0.0.1:" + closing.port()))).containsExactly("probe.closed");
        }
    }

    /** A listener whose accept queue is full drops new SYNs on Linux: the connect times out. */
    @Test
    void connectionThatIsNeverAcceptedTimesOut() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, LOOPBACK)) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket filler = new Socket();
                    try {
                        filler.connect(new InetSocketAddress(LOOPBACK, full.getLocalPort()), 200);
                        fillers.add(filler);
                    } catch (java.io.IOException queueFull) {
                        filler.close();
                        break;
                    }
                }
                CliRun run = check("127.0.0.1:" + full.getLocalPort());

                assertThat(codes(run)).containsExactly("probe.connect-timeout");
                assertThat(run.exitCode()).isEqualTo(3);
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }
}
