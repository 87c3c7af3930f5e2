package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.certcheck.demo.TlsServer;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Certificate fields are chosen by whoever made the certificate. A real server on loopback presents
 * one whose subject, issuer and names carry terminal escape sequences, control characters and
 * bidirectional overrides; whatever the output format, none of them reaches stdout raw, and the
 * JSON still reads back the exact text.
 */
class HostileNamesCliTest {
    /** Clears the screen, sets the window title, writes the clipboard (OSC 52), overwrites the line. */
    private static final String ROOT_CN = "Evil Root \u001b[2J\u001b]0;owned\u0007";
    private static final String LEAF_CN = "good.test\u001b]52;c;cm0gLXJmIH4=\u0007\r PASS \u202egnp.exe";
    /** A bidi override, and what HTML, XML and CSV writers must escape. */
    private static final String ROOT_O = "Evil\u202e <script>alert(\"x\")</script> & Co, Ltd";
    private static final String SAN_ESCAPE = "x\u001b[31m.test";
    private static final String SAN_BACKSPACE = "good\b\b\b\bevil.test";
    private static final String SAN_C1 = "csi\u009b2J.test";

    @TempDir
    static Path temp;

    private static HeldCertificate leaf;
    private static TlsServer server;
    private static Path rootPem;
    private static String target;

    @BeforeAll
    static void startServerWithHostileNames() throws Exception {
        TestPki pki = new TestPki();
        HeldCertificate evilRoot = HeldCertificate.builder(pki.now).organization(ROOT_O)
                .commonName(ROOT_CN).certificateAuthority(0).build();
        leaf = HeldCertificate.builder(pki.now).commonName(LEAF_CN)
                .addSubjectAltName(SAN_ESCAPE).addSubjectAltName(SAN_BACKSPACE)
                .addNonAsciiSubjectAltName(SAN_C1).addEmail("me@\u001b[8mhidden")
                .signedBy(evilRoot).build();
        server = TlsServer.start(InetAddress.getLoopbackAddress(),
                List.of(leaf.certificate(), evilRoot.certificate()), leaf.privateKey());
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
        target = "good.test:" + server.port();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @ParameterizedTest(name = "--output {0}")
    @EnumSource(OutputFormat.class)
    void noControlOrBidiCharacterReachesStdoutInAnyFormat(OutputFormat format) {
        CliRun run = check("-v", "-o", format.name(), target);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("Evil Root");
        assertNoRawControls(run.out());
        assertNoRawControls(run.err());
    }

    @Test
    void tableShowsEveryHostileCharacterAsAVisibleEscape() {
        CliRun run = check("-v", target);

        assertThat(run.out()).contains(
                "subject:    CN=good.test\\x1B]52\\;c\\;cm0gLXJmIH4\\=\\x07\\x0D PASS \\u{202E}gnp.exe\n",
                "issuer:     CN=Evil Root \\x1B[2J\\x1B]0\\;owned\\x07,O=Evil\\u{202E} \\<script\\>alert(",
                "DNS:x\\x1B[31m.test, DNS:good\\x08\\x08\\x08\\x08evil.test",
                "email:me@\\x1B[8mhidden");
        assertThat(run.out()).contains("chain ends at root CN=Evil Root \\x1B[2J\\x1B]0\\;owned\\x07,O=Evil\\u{202E} ",
                "(csi\\u{009B}2J.test is not ASCII and never matches");
    }

    @Test
    void colorAddsOnlyItsOwnEscapeSequences() {
        CliRun run = check("--color", "always", target);

        String withoutColors = run.out().replace("\u001b[31m", "").replace("\u001b[0m", "");
        assertNoRawControls(withoutColors);
    }

    @Test
    void jsonEscapesEveryHostileCharacterAndReadsBackTheExactText() {
        CliRun run = check("-o", "json", target);

        JsonNode certificate = run.target(target).get("certificate");
        X500Principal subject = leaf.certificate().getSubjectX500Principal();
        X500Principal issuer = leaf.certificate().getIssuerX500Principal();
        assertThat(certificate.get("subject").asText()).isEqualTo(subject.getName(X500Principal.RFC2253))
                .startsWith("CN=good.test\u001b]52\\;c");
        assertThat(certificate.get("issuer").asText()).isEqualTo(issuer.getName(X500Principal.RFC2253))
                .contains(",O=Evil\u202e \\<script\\>alert(\\\"x\\\")\\</script\\> & Co\\, Ltd");
        List<String> names = new ArrayList<>();
        certificate.get("subjectAltNames").forEach(name -> names.add(name.asText()));
        assertThat(names).contains("DNS:" + SAN_ESCAPE, "DNS:" + SAN_BACKSPACE, "email:me@\u001b[8mhidden");
        assertThat(run.out()).contains("\\u001B[2J", "\\u202e", "\\b");
    }

    @Test
    void hostileHostFileLineIsItsOwnRowAndIsEscaped() throws Exception {
        Path hosts = Files.writeString(temp.resolve("hosts.txt"), target + "\nevil\u001b[2J.test:443\n");

        CliRun run = check(hosts.toString());

        assertThat(run.out()).contains("evil\\x1B[2J.test:443", "UNKNOWN");
        assertNoRawControls(run.out());
    }

    private static CliRun check(String... args) {
        List<String> all = new ArrayList<>(List.of("--ca", rootPem.toString(), "--handshake-timeout", "5s"));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    /**
     * Line ends ({@code \n}, {@code \r\n}) and tabs are what a report may contain; no other C0 or C1
     * control, no DEL, no bidirectional formatting character, no line or paragraph separator.
     */
    static void assertNoRawControls(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
            boolean unsafe = (c < 0x20 && c != '\t' && !lineEnd) || (c >= 0x7f && c <= 0x9f)
                    || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
            if (unsafe) {
                int from = Math.max(0, i - 40);
                throw new AssertionError(String.format("raw U+%04X at %d after \"%s\"", (int) c, i,
                        text.substring(from, i).replace("\u001b", "<ESC>")));
            }
        }
    }
}
