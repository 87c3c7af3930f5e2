package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.certcheck.demo.TlsServer;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.TestPki;
import org.certcheck.validate.Pin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 14 item 3: a pin must match the validated path. A server that sends its own valid chain and
 * appends the real leaf (which it cannot use, lacking its key) must not satisfy the real leaf's pin.
 */
class PinOnPathCliTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final TestPki pki = new TestPki();

    @TempDir
    Path temp;

    private CliRun check(List<HeldCertificate> sent, HeldCertificate key, String pin) throws Exception {
        Path root = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
        try (TlsServer server = TlsServer.start(LOOPBACK, sent.stream().map(HeldCertificate::certificate).toList(),
                key.privateKey())) {
            return CliRun.run("--ca", root.toString(), "-o", "json", "--revocation", "off", "--pin", pin,
                    "web.corp.test@127.0.0.1:" + server.port());
        }
    }

    private static String keyPin(HeldCertificate certificate) {
        return "sha256/" + Base64.getEncoder().encodeToString(Pin.spkiSha256(certificate.certificate()));
    }

    @Test
    void theRealLeafAppendedToAnotherChainDoesNotSatisfyItsPin() throws Exception {
        HeldCertificate real = pki.leaf("web.corp.test").build();
        HeldCertificate attacker = pki.leaf("web.corp.test").commonName("attacker").build();

        CliRun run = check(List.of(attacker, pki.intermediate, real), attacker, keyPin(real));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode target = run.json().get("targets").get(0);
        assertThat(target.get("status").asText()).isEqualTo("FAIL");
        assertThat(target.findValuesAsText("code")).contains("chain.pin-mismatch");
    }

    @Test
    void thePinOfALeafOnThePathStillPasses() throws Exception {
        HeldCertificate real = pki.leaf("web.corp.test").build();

        CliRun run = check(List.of(real, pki.intermediate), real, keyPin(real));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("targets").get(0).findValuesAsText("code")).doesNotContain("chain.pin-mismatch");
    }
}
