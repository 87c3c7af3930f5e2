package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.OpenSslServer;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 14 item 4: a server that staples garbage (here OpenSSL's s_server with {@code -status_file}
 * pointing at bytes that are no OCSP response). The staple is a finding about the staple; the
 * certificate is still judged; a Must-Staple leaf then fails (exit 1), it is not UNKNOWN (exit 3).
 */
class GarbageStapleCliTest {
    @TempDir
    static Path temp;

    private static TestPki pki;
    private static Path rootPem;
    private static Path garbage;

    @BeforeAll
    static void files() throws Exception {
        assumeTrue(OpenSslServer.executable().isPresent(), "openssl is not installed");
        pki = new TestPki();
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
        garbage = Files.write(temp.resolve("garbage.der"), garbageResponse());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-tls1_3", "-tls1_2"})
    void garbageStapleIsAFindingAndTheCertificateIsStillJudged(String protocol) throws Exception {
        HeldCertificate expired = pki.leaf("good.test").validFor(java.time.Duration.ofDays(-100),
                java.time.Duration.ofDays(10)).build();
        try (OpenSslServer server = OpenSslServer.serve(temp, expired, List.of(pki.intermediate),
                "-status_file", garbage.toString(), protocol)) {
            String target = "good.test:" + server.port();

            CliRun run = check(target);

            JsonNode row = run.target(target);
            assertThat(row.get("status").asText()).as(run.out()).isEqualTo("FAIL");
            assertThat(row.get("findings").findValuesAsText("code")).as(run.out())
                    .contains("cert.expired", "revocation.bad-staple").doesNotContain("tls.key-not-proven");
            assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-tls1_3", "-tls1_2"})
    void mustStapleLeafWithAGarbageStapleFails(String protocol) throws Exception {
        HeldCertificate leaf = pki.leaf("good.test").mustStaple().build();
        try (OpenSslServer server = OpenSslServer.serve(temp, leaf, List.of(pki.intermediate),
                "-status_file", garbage.toString(), protocol)) {
            String target = "good.test:" + server.port();

            CliRun run = check(target);

            JsonNode row = run.target(target);
            assertThat(row.get("status").asText()).as(run.out()).isEqualTo("FAIL");
            assertThat(row.get("findings").findValuesAsText("code")).as(run.out())
                    .contains("revocation.must-staple-missing", "revocation.bad-staple");
            assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        }
    }

    /**
     * What OpenSSL agrees to staple (it parses the outer OCSPResponse) but is garbage inside: a
     * successful response whose id-pkix-ocsp-basic bytes are text, not a BasicOCSPResponse.
     */
    private static byte[] garbageResponse() throws Exception {
        org.bouncycastle.asn1.ocsp.ResponseBytes bytes = new org.bouncycastle.asn1.ocsp.ResponseBytes(
                org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_basic,
                new org.bouncycastle.asn1.DEROctetString("this is not a BasicOCSPResponse".getBytes()));
        return new org.bouncycastle.asn1.ocsp.OCSPResponse(new org.bouncycastle.asn1.ocsp.OCSPResponseStatus(0), bytes)
                .getEncoded("DER");
    }

    private static CliRun check(String target) {
        List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "-o", "json",
                "--connect-timeout", "5s", "--handshake-timeout", "10s", target));
        return CliRun.run(args.toArray(String[]::new));
    }
}
