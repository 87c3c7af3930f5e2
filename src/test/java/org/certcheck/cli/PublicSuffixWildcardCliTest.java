package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.demo.TlsServer;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wildcards over a public suffix (issue 13), judged with the Public Suffix List: {@code *.co.uk}
 * covers every registrant of co.uk, so Chromium refuses it as a name match and no CA may issue it
 * (CA/B Forum BR 3.2.2.6); {@code *.s3.amazonaws.com} stands over a shared namespace that only its
 * owner may hold a wildcard for, which is said as information.
 */
class PublicSuffixWildcardCliTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final Instant now = Instant.now();
    private final HeldCertificate root = HeldCertificate.builder(now).commonName("Suffix Test Root")
            .validFor(Duration.ofDays(-10), Duration.ofDays(3650)).certificateAuthority(1).build();

    @TempDir
    Path temp;

    private record Result(int exitCode, JsonNode target) {
    }

    private Result check(String sanWildcard, String host, String... options) throws Exception {
        HeldCertificate leaf = HeldCertificate.builder(now).commonName(host).addSubjectAltName(sanWildcard)
                .signedBy(root).build();
        Path rootPem = Files.writeString(temp.resolve("root.pem"), root.certificatePem());
        try (TlsServer server = TlsServer.start(LOOPBACK, List.of(leaf.certificate()), leaf.privateKey())) {
            List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "-o", "json", "--revocation", "off"));
            args.addAll(List.of(options));
            args.add(host + "@127.0.0.1:" + server.port());
            CliRun run = CliRun.run(args.toArray(String[]::new));
            return new Result(run.exitCode(), run.json().get("targets").get(0));
        }
    }

    private static JsonNode finding(JsonNode target, String code) {
        return finding(target, code, "");
    }

    private static JsonNode finding(JsonNode target, String code, String saying) {
        for (JsonNode finding : target.get("findings")) {
            if (finding.get("code").asText().equals(code) && finding.get("message").asText().contains(saying)) {
                return finding;
            }
        }
        throw new AssertionError("no " + code + " in " + target.get("findings"));
    }

    @Test
    void wildcardOverARegistrySuffixMatchesNoNameAndNoCaMayIssueIt() throws Exception {
        Result result = check("*.co.uk", "shop.co.uk");
        JsonNode target = result.target();

        assertThat(target.get("status").asText()).isEqualTo("FAIL");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(finding(target, "host.mismatch").get("message").asText())
                .contains("*.co.uk covers the whole public suffix co.uk, which browsers refuse");
        JsonNode lint = finding(target, "cert.baseline-requirements", "BR 3.2.2.6");
        assertThat(lint.get("severity").asText()).isEqualTo("INFO");
        assertThat(lint.get("message").asText()).contains("directly over the public suffix co.uk");
    }

    @Test
    void wildcardOverASharedNamespaceMatchesWithANote() throws Exception {
        Result result = check("*.s3.amazonaws.com", "bucket.s3.amazonaws.com");
        JsonNode target = result.target();

        assertThat(target.get("status").asText()).isEqualTo("PASS");
        assertThat(result.exitCode()).isZero();
        JsonNode note = finding(target, "cert.wildcard-shared-suffix");
        assertThat(note.get("severity").asText()).isEqualTo("INFO");
        assertThat(note.get("message").asText()).contains("s3.amazonaws.com").contains("namespace's owner");
    }

    @Test
    void underTheWebPkiProfileTheRegistrySuffixWildcardIsABaselineRequirementsFailure() throws Exception {
        JsonNode target = check("*.co.uk", "shop.co.uk", "--profile", "webpki").target();

        assertThat(finding(target, "cert.baseline-requirements", "BR 3.2.2.6").get("severity").asText())
                .isEqualTo("FAIL");
    }

    @Test
    void wildcardUnderAnOrdinaryDomainIsUntouched() throws Exception {
        JsonNode target = check("*.corp.example.co.uk", "web.corp.example.co.uk").target();

        assertThat(target.get("status").asText()).isEqualTo("PASS");
        assertThat(target.get("findings").findValuesAsText("code"))
                .doesNotContain("host.mismatch", "cert.wildcard-shared-suffix");
    }
}
