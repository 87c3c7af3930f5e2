package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.Dialogues;
import org.certcheck.testing.ServerContexts;
import org.certcheck.testing.StartTlsServer;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** STARTTLS targets from a host file, through the real command line. */
class StartTlsCliTest {
    private final TestPki pki = new TestPki();
    private final HeldCertificate leaf = pki.leaf("good.test").build();

    @TempDir
    Path temp;

    @Test
    void hostFileSchemesChooseTheDialectAndRowsShowTheScheme() throws Exception {
        try (StartTlsServer smtp = StartTlsServer.start(ServerContexts.serving(leaf, pki.intermediate), Dialogues.smtp());
             StartTlsServer ldap = StartTlsServer.start(ServerContexts.serving(leaf, pki.intermediate),
                     Dialogues.ldap(0, ""));
             StartTlsServer refusing = StartTlsServer.start(ServerContexts.serving(leaf, pki.intermediate),
                     Dialogues.smtpRefusing())) {
            Path hosts = Files.writeString(temp.resolve("hosts.txt"), String.join("\n",
                    "smtp://good.test:" + smtp.port(),
                    "LDAP://good.test:" + ldap.port() + "/dc=test",
                    "smtp://good.test:" + refusing.port()) + "\n");
            Path root = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());

            CliRun run = CliRun.run("--ca", root.toString(), "-o", "json", "--handshake-timeout", "10s", hosts.toString());

            assertThat(run.target("smtp://good.test:" + smtp.port()).get("status").asText()).as(run.out()).isEqualTo("PASS");
            assertThat(run.target("ldap://good.test:" + ldap.port()).get("status").asText()).isEqualTo("PASS");
            JsonNode refused = run.target("smtp://good.test:" + refusing.port());
            assertThat(refused.get("status").asText()).isEqualTo("UNKNOWN");
            assertThat(refused.get("findings").get(0).get("code").asText()).isEqualTo("probe.starttls");
            assertThat(refused.get("findings").get(0).get("message").asText())
                    .isEqualTo("the SMTP server refused STARTTLS: \"454 4.7.0 TLS not available due to local problem\"");
            assertThat(run.exitCode()).isEqualTo(3);
        }
    }

    @Test
    void starttlsOptionAppliesToTargetsWithoutASchemeAndTheirDefaultPort() throws Exception {
        try (StartTlsServer imap = StartTlsServer.start(ServerContexts.serving(leaf, pki.intermediate), Dialogues.imap())) {
            Path root = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());

            CliRun run = CliRun.run("--ca", root.toString(), "-o", "json", "--connect-timeout", "2s",
                    "--handshake-timeout", "10s", "--starttls", "imap", "good.test:" + imap.port(), "127.0.0.1",
                    "https://good.test:" + imap.port());

            assertThat(run.target("imap://good.test:" + imap.port()).get("status").asText()).as(run.out())
                    .isEqualTo("PASS");
            assertThat(run.target("imap://127.0.0.1:143").get("status").asText()).isEqualTo("UNKNOWN");
            assertThat(run.target("good.test:" + imap.port()).get("status").asText())
                    .as("an explicit https:// keeps TLS from the first byte").isEqualTo("UNKNOWN");
        }
    }
}
