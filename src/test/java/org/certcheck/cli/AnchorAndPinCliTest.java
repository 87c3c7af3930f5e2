package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.certcheck.demo.TlsServer;
import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.RevocationPki;
import org.certcheck.validate.Pin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The anchor a chain ends at is shown by fingerprint as well as by name, and a pin is never
 * silently ignored (issue 14 item 6).
 */
class AnchorAndPinCliTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private RevocationPki pki;
    private HeldCertificate impostor;
    private Path cas;
    private final List<TlsServer> servers = new ArrayList<>();

    @TempDir
    Path temp;

    @BeforeEach
    void start() throws Exception {
        pki = new RevocationPki(NOW);
        impostor = HeldCertificate.builder(NOW).organization("Test Corp").commonName("Test Root CA")
                .validFor(Duration.ofDays(-30), Duration.ofDays(3650)).certificateAuthority(1).build();
        cas = Files.writeString(temp.resolve("cas.pem"), pki.root.certificatePem() + impostor.certificatePem());
    }

    @AfterEach
    void stop() throws Exception {
        for (TlsServer server : servers) {
            server.close();
        }
        pki.close();
    }

    private int serve(HeldCertificate leaf, HeldCertificate... chain) throws Exception {
        List<java.security.cert.X509Certificate> certificates = new ArrayList<>(List.of(leaf.certificate()));
        for (HeldCertificate ca : chain) {
            certificates.add(ca.certificate());
        }
        TlsServer server = TlsServer.start(LOOPBACK, certificates, leaf.privateKey());
        servers.add(server);
        return server.port();
    }

    private CliRun check(String... arguments) {
        List<String> args = new ArrayList<>(List.of("--ca", cas.toString(), "--revocation", "off"));
        args.addAll(List.of(arguments));
        return CliRun.run(Clock.fixed(NOW, ZoneOffset.UTC), Resolver.SYSTEM, args.toArray(String[]::new));
    }

    private static String fingerprint(HeldCertificate certificate) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.certificate().getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private static String wrongKeyPin() {
        return "sha256/" + Base64.getEncoder().encodeToString(new byte[32]);
    }

    @Test
    void aSameNamedImpostorRootReadsDifferentlyInJsonTableAndHtml() throws Exception {
        String real = "good.test:" + serve(pki.leaf("good.test").build(), pki.intermediate);
        String fake = "good.test:" + serve(HeldCertificate.builder(NOW).commonName("good.test")
                .addSubjectAltName("good.test").signedBy(impostor).build());
        Path html = temp.resolve("report.html");

        CliRun run = check("-o", "json", "-o", "html=" + html, real, fake);
        CliRun verbose = check("-v", real);

        JsonNode realRow = run.target(real);
        JsonNode fakeRow = run.target(fake);
        assertThat(realRow.get("anchor").asText()).isEqualTo(fakeRow.get("anchor").asText());
        assertThat(realRow.get("anchorSha256").asText()).isEqualTo(fingerprint(pki.root));
        assertThat(fakeRow.get("anchorSha256").asText()).isEqualTo(fingerprint(impostor));
        assertThat(verbose.out()).contains("anchor SHA-256").contains(fingerprint(pki.root));
        assertThat(Files.readString(html)).contains("SHA-256 " + fingerprint(pki.root),
                "SHA-256 " + fingerprint(impostor));
    }

    @Test
    void pinsWrittenWithTrailingDotUpperCaseOrULabelAreApplied() throws Exception {
        int port = serve(pki.leaf("good.test").build(), pki.intermediate);
        int idnPort = serve(pki.leaf("xn--bcher-kva.test").build(), pki.intermediate);
        String good = "good.test:" + port;
        String idn = "xn--bcher-kva.test:" + idnPort;

        CliRun run = check("-o", "json", "--pin", "GOOD.test.=" + wrongKeyPin(),
                "--pin", "b\u00fccher.test:" + idnPort + "=" + wrongKeyPin(), good, idn);

        assertThat(run.target(good).get("findings").findValuesAsText("code")).as(run.out())
                .contains("chain.pin-mismatch");
        assertThat(run.target(idn).get("findings").findValuesAsText("code")).contains("chain.pin-mismatch");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void theRightPinInAnotherFormPasses() throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").build();
        String good = "good.test:" + serve(leaf, pki.intermediate);
        String pin = "sha256/" + Base64.getEncoder().encodeToString(Pin.spkiSha256(leaf.certificate()));

        CliRun run = check("-o", "json", "--pin", "Good.Test.:" + good.substring(good.indexOf(':') + 1) + "=" + pin,
                good);

        assertThat(run.target(good).get("status").asText()).as(run.out()).isEqualTo("PASS");
    }

    @Test
    void aPinForATargetNotInTheListIsAUsageErrorNamingPinAndList() throws Exception {
        String good = "good.test:" + serve(pki.leaf("good.test").build(), pki.intermediate);
        String typed = "other.test=" + wrongKeyPin();

        CliRun run = check("--pin", typed, good);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--pin \"" + typed + "\": it is for other.test, which is not among the 1"
                + " target to check (" + good + "): name one of them as host or host:port, or leave out \"TARGET=\""
                + " to pin every target");
        assertThat(run.out()).isEmpty();
    }
}
