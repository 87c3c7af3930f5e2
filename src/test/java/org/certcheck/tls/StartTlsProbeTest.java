package org.certcheck.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.certcheck.input.Protocol;
import org.certcheck.input.Target;
import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.Dialogues;
import org.certcheck.testing.ServerContexts;
import org.certcheck.testing.StartTlsServer;
import org.certcheck.testing.StartTlsServer.Dialogue;
import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each STARTTLS dialect against an in-process server speaking its real preamble, and every way it can go wrong. */
class StartTlsProbeTest {
    /** Servers that answer get time to spare on a loaded machine; silent ones are cut off after a second. */
    private static final ProbeSettings PATIENT = new ProbeSettings(Duration.ofSeconds(10), Duration.ofSeconds(10));
    private static final ProbeSettings QUICK = new ProbeSettings(Duration.ofSeconds(10), Duration.ofSeconds(1));

    private final TestPki pki = new TestPki();
    private final HeldCertificate leaf = pki.leaf("good.test").build();
    private final Prober prober = new Prober(PATIENT, Resolver.SYSTEM);
    private final Prober quickProber = new Prober(QUICK, Resolver.SYSTEM);

    private ProbeResult probe(Protocol protocol, Dialogue dialogue) throws Exception {
        return probe(prober, protocol, dialogue);
    }

    private ProbeResult probe(Prober with, Protocol protocol, Dialogue dialogue) throws Exception {
        try (StartTlsServer server = StartTlsServer.start(ServerContexts.serving(leaf, pki.intermediate), dialogue)) {
            return with.probe(new Target("good.test", server.port(), "test", protocol, Optional.empty()));
        }
    }

    static Stream<Arguments> dialects() {
        return Stream.of(
                Arguments.of(Protocol.SMTP, Dialogues.smtp()),
                Arguments.of(Protocol.IMAP, Dialogues.imap()),
                Arguments.of(Protocol.POP3, Dialogues.pop3()),
                Arguments.of(Protocol.FTP, Dialogues.ftp()),
                Arguments.of(Protocol.LDAP, Dialogues.ldap(0, "")),
                Arguments.of(Protocol.POSTGRES, Dialogues.postgres('S')),
                Arguments.of(Protocol.MYSQL, Dialogues.mysql(true)),
                Arguments.of(Protocol.XMPP, Dialogues.xmpp(true, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void eachDialectReachesTheCertificateAfterItsPreamble(Protocol protocol, Dialogue dialogue) throws Exception {
        ProbeResult result = probe(protocol, dialogue);

        assertThat(result).isInstanceOfSatisfying(Handshake.class, handshake -> {
            assertThat(handshake.leaf()).isEqualTo(leaf.certificate());
            assertThat(handshake.chain()).hasSize(2);
            assertThat(handshake.handshakeError()).isEmpty();
        });
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(Protocol.SMTP, Dialogues.smtpWithoutStartTls(),
                        "the SMTP server does not offer STARTTLS; its EHLO reply was \"250-mail.test\\r\\n250-PIPELINING"),
                Arguments.of(Protocol.SMTP, Dialogues.smtpRefusing(),
                        "the SMTP server refused STARTTLS: \"454 4.7.0 TLS not available due to local problem\""),
                Arguments.of(Protocol.SMTP, Dialogues.says("554 5.7.1 no service for you\r\n"),
                        "the SMTP server did not accept the session: \"554 5.7.1 no service for you\""),
                Arguments.of(Protocol.IMAP, Dialogues.imapRefusing(), "the IMAP server refused STARTTLS: \"C1 BAD Unknown command\""),
                Arguments.of(Protocol.IMAP, Dialogues.says("* PREAUTH welcome back\r\n"),
                        "the IMAP server pre-authenticated the session, where STARTTLS is not allowed"),
                Arguments.of(Protocol.POP3, Dialogues.pop3Refusing(), "the POP3 server refused STLS: \"-ERR Unknown command: STLS\""),
                Arguments.of(Protocol.FTP, Dialogues.ftpRefusing(), "the FTP server refused AUTH TLS: \"530 Please login"),
                Arguments.of(Protocol.LDAP, Dialogues.ldap(2, "unsupported extended operation"),
                        "the LDAP server refused StartTLS with result 2 (protocolError): \"unsupported extended operation\""),
                Arguments.of(Protocol.POSTGRES, Dialogues.postgres('N'), "the PostgreSQL server does not accept TLS"),
                Arguments.of(Protocol.MYSQL, Dialogues.mysql(false), "the MySQL server \"8.0.36\" does not offer TLS"),
                Arguments.of(Protocol.XMPP, Dialogues.xmpp(false, false), "the XMPP server does not offer STARTTLS"),
                Arguments.of(Protocol.XMPP, Dialogues.xmpp(true, false),
                        "the XMPP server refused STARTTLS: \"<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>\""));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("refusals")
    void refusalIsUnknownWithWhatTheServerSaid(Protocol protocol, Dialogue dialogue, String message) throws Exception {
        assertFailure(probe(protocol, dialogue), ProbeFailure.Kind.STARTTLS, message);
    }

    @Test
    void anotherProtocolOnThePortIsNamedWithItsEscapedWords() throws Exception {
        ProbeResult result = probe(Protocol.SMTP, Dialogues.says("HTTP/1.1 400 Bad Request\r\n\u001b[2J\r\n"));

        assertFailure(result, ProbeFailure.Kind.STARTTLS,
                "the server answered \"HTTP/1.1 400 Bad Request\", not a SMTP reply (is this port really SMTP?)");
    }

    @Test
    void controlCharactersAndLongAnswersAreEscapedAndCut() throws Exception {
        ProbeResult result = probe(Protocol.POP3, Dialogues.says("-ERR \u001b[31m" + "x".repeat(500) + "\r\n"));

        assertThat(result).isInstanceOfSatisfying(ProbeFailure.class, failure -> {
            assertThat(failure.message()).startsWith("the POP3 server refused the session: \"-ERR \\x1B[31mxxx")
                    .endsWith("xxx\"... (510 bytes)")
                    .doesNotContain("\u001b");
        });
    }

    @Test
    void endlessLineIsCutOffInsteadOfRead() throws Exception {
        ProbeResult result = probe(Protocol.SMTP, Dialogues.says("220-" + "y".repeat(20_000)));

        assertFailure(result, ProbeFailure.Kind.STARTTLS, "the SMTP server sent a line longer than 8 KiB");
    }

    @Test
    void silentServerTimesOutWithinTheHandshakeBudget() throws Exception {
        ProbeResult result = probe(quickProber, Protocol.SMTP, plain -> {
            plain.readLine();
            return false;
        });

        assertFailure(result, ProbeFailure.Kind.HANDSHAKE_TIMEOUT,
                "TCP connected but the SMTP exchange before TLS did not finish within 1 s");
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void tricklingGreetingIsBoundedByTheHandshakeBudget() throws Exception {
        ProbeResult result = probe(quickProber, Protocol.FTP, plain -> {
            for (int i = 0; i < 1000; i++) {
                plain.send("220-still greeting\r\n");
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return false;
                }
            }
            return false;
        });

        assertFailure(result, ProbeFailure.Kind.HANDSHAKE_TIMEOUT, "FTP exchange before TLS did not finish within 1 s");
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void directTlsServerBehindAStartTlsSchemeTimesOutInsteadOfHanging() throws Exception {
        try (org.certcheck.demo.TlsServer tls = org.certcheck.demo.TlsServer.start(java.net.InetAddress.getLoopbackAddress(),
                java.util.List.of(leaf.certificate()), leaf.privateKey())) {
            ProbeResult result = quickProber.probe(new Target("good.test", tls.port(), "test", Protocol.LDAP, Optional.empty()));

            assertThat(result).isInstanceOf(ProbeFailure.class);
            assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void serverClosingMidGreetingIsClosed() throws Exception {
        ProbeResult result = probe(Protocol.SMTP, plain -> {
            plain.send("220-half");
            throw new java.io.IOException("hanging up mid-line");
        });

        assertFailure(result, ProbeFailure.Kind.CLOSED,
                "the server closed the connection during the SMTP exchange before TLS in the middle of \"220-half\"");
    }

    @Test
    void plainSmtpGreetingOnADirectTlsProbeSuggestsTheScheme() {
        ProbeFailure notTls = new ProbeFailure(new Target("mail.test", 25, "test"), ProbeFailure.Kind.NOT_TLS,
                "the server answered, but not with TLS", Duration.ZERO);

        assertThat(((ProbeFailure) StartTlsStep.withSchemeHint(notTls)).message()).isEqualTo(
                "the server answered, but not with TLS; port 25 is SMTP's: for STARTTLS write smtp://mail.test in the host file");
    }

    private static void assertFailure(ProbeResult result, ProbeFailure.Kind kind, String messagePart) {
        assertThat(result).isInstanceOfSatisfying(ProbeFailure.class, failure -> {
            assertThat(failure.message()).contains(messagePart);
            assertThat(failure.kind()).isEqualTo(kind);
        });
    }
}
