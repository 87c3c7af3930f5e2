package org.certcheck.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Severity;
import org.certcheck.pki.HeldCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableReporterTest {
    private final ReportFixtures fixtures = new ReportFixtures();

    @Test
    void oneRowPerVerdictThenTheSummary() {
        String table = render(fixtures.report(), TableStyle.plain());

        assertThat(table).isEqualTo("""
                TARGET               STATUS   DAYS  NOT AFTER   REASONS
                www.corp.test:443    PASS       89  2027-02-21  ok, chain ends at CN=Corp Root CA
                old.corp.test:443    FAIL       -3  2026-11-20  expired 3 days ago (notAfter 2026-11-20 12:00 UTC): renew it
                                                                not valid for old.corp.test: the certificate names DNS:new.corp.test
                soon.corp.test:8443  WARN       12  2026-12-05  expires in 12 days (notAfter 2026-12-05 12:00 UTC, --warn-days 30): renew it soon
                down.corp.test:443   UNKNOWN     -  -           connection refused by 10.0.0.7:443: is the service running on this port?

                4 checked: 1 pass, 1 warn, 1 fail, 1 unknown
                """);
    }

    @Test
    void revocationColumnAppearsWhenRevocationWasChecked() {
        String table = render(ReportFixtures.reportOf(fixtures.passCheckedForRevocation(), fixtures.revoked(),
                ReportFixtures.unknown()), TableStyle.plain());

        assertThat(table).isEqualTo("""
                TARGET              STATUS   DAYS  NOT AFTER   REVOCATION     REASONS
                www.corp.test:443   PASS       89  2027-02-21  good (ocsp)    ok, chain ends at CN=Corp Root CA
                gone.corp.test:443  FAIL       12  2026-12-05  revoked (crl)  the certificate was revoked on 2026-11-20 09:30 UTC (reason: keyCompromise), says the CRL http://pki.corp.test/issuing.crl: replace it with a newly issued certificate
                down.corp.test:443  UNKNOWN     -  -           -              connection refused by 10.0.0.7:443: is the service running on this port?

                3 checked: 1 pass, 0 warn, 1 fail, 1 unknown
                """);
    }

    @Test
    void detailsListEachCertificatesRevocationStatus() {
        String table = render(ReportFixtures.reportOf(fixtures.passCheckedForRevocation()),
                new TableStyle(false, true, 0));

        assertThat(table).contains("""
                    revocation: CN=www.corp.test: good (ocsp http://ocsp.corp.test/, next update 2026-11-24 11:00:00 UTC)
                                CN=Corp Intermediate CA: good (crl http://pki.corp.test/root.crl, next update 2026-11-27 00:00:00 UTC)
                """);
    }

    @Test
    void colorsOnlyTheStatusWhenAsked() {
        String table = render(fixtures.report(), new TableStyle(true, false, 0));

        assertThat(table).isEqualTo("""
                TARGET               STATUS   DAYS  NOT AFTER   REASONS
                www.corp.test:443    {green}PASS{reset}       89  2027-02-21  ok, chain ends at CN=Corp Root CA
                old.corp.test:443    {red}FAIL{reset}       -3  2026-11-20  expired 3 days ago (notAfter 2026-11-20 12:00 UTC): renew it
                                                                not valid for old.corp.test: the certificate names DNS:new.corp.test
                soon.corp.test:8443  {yellow}WARN{reset}       12  2026-12-05  expires in 12 days (notAfter 2026-12-05 12:00 UTC, --warn-days 30): renew it soon
                down.corp.test:443   {magenta}UNKNOWN{reset}     -  -           connection refused by 10.0.0.7:443: is the service running on this port?

                4 checked: 1 pass, 1 warn, 1 fail, 1 unknown
                """
                .replace("{green}", "\u001b[32m").replace("{red}", "\u001b[31m").replace("{yellow}", "\u001b[33m")
                .replace("{magenta}", "\u001b[1;35m").replace("{reset}", "\u001b[0m"));
    }

    @Test
    void detailsShowTheLeafTheConnectionTheChainAndEveryFinding() {
        String table = render(ReportFixtures.reportOf(fixtures.pass(), ReportFixtures.unknown()),
                new TableStyle(false, true, 0));

        assertThat(table).isEqualTo("""
                TARGET              STATUS   DAYS  NOT AFTER   REASONS
                www.corp.test:443   PASS       89  2027-02-21  ok, chain ends at CN=Corp Root CA
                                                               the server asked for a client certificate after sending its own; none was sent
                    origin:     hosts.txt:1
                    subject:    CN=www.corp.test
                    issuer:     CN=Corp Intermediate CA
                    SANs:       DNS:www.corp.test, IP:10.0.0.1
                    serial:     1A2B3C
                    SHA-256:    %s
                    key:        EC 256
                    signature:  SHA256withECDSA
                    validity:   2026-11-23 00:00:00 UTC to 2027-02-21 00:00:00 UTC
                    protocol:   TLSv1.3
                    cipher:     TLS_AES_128_GCM_SHA256
                    address:    10.0.0.1:443
                    chain:      #0 CN=www.corp.test  <- issued by CN=Corp Intermediate CA
                                #1 CN=Corp Intermediate CA  <- issued by CN=Corp Root CA
                    path:       CN=www.corp.test
                                CN=Corp Intermediate CA
                                CN=Corp Root CA
                    anchor:     CN=Corp Root CA
                    findings:   [tls.handshake-failed] the server asked for a client certificate after sending its own; none was sent

                down.corp.test:443  UNKNOWN     -  -           connection refused by 10.0.0.7:443: is the service running on this port?
                    origin:     hosts.txt:4
                    findings:   [probe.refused] connection refused by 10.0.0.7:443: is the service running on this port?

                2 checked: 1 pass, 0 warn, 0 fail, 1 unknown
                """.formatted(fixtures.wwwLeaf.sha256Fingerprint()));
    }

    @Test
    void infoFindingsStayOutOfTheReasonsWithoutDetails() {
        String table = render(ReportFixtures.reportOf(fixtures.pass()), TableStyle.plain());

        assertThat(table).isEqualTo("""
                TARGET             STATUS  DAYS  NOT AFTER   REASONS
                www.corp.test:443  PASS      89  2027-02-21  ok, chain ends at CN=Corp Root CA

                1 checked: 1 pass, 0 warn, 0 fail, 0 unknown
                """);
    }

    @Test
    void certificateDerivedTextIsEscapedBeforeItReachesTheTerminal() {
        HeldCertificate evil = HeldCertificate.builder(ReportFixtures.CHECKED_AT).commonName("evil\u001b[31m PASS")
                .addSubjectAltName("evil.test\u001b]52;c;cm0gLXJmIH4=\u0007").serialNumber(BigInteger.TEN)
                .validity(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"))
                .signedBy(fixtures.root).build();
        CertificateFacts facts = CertificateFacts.of(evil.certificate());
        Verdict verdict = new Verdict("evil.test:443", "hosts.txt:7", Status.FAIL,
                List.of(Finding.about(facts.subject(), FindingCode.HOST_MISMATCH, Severity.FAIL,
                        "not valid for evil.test: the certificate names DNS:evil.test\u001b]52;c;cm0gLXJmIH4=\u0007")),
                Optional.of(ReportFixtures.CONNECTION), List.of(facts), List.of(facts.subject(), "CN=Corp Root CA"),
                Optional.of("CN=Corp Root CA\u009b2J"), Duration.ofMillis(9));

        String table = render(ReportFixtures.reportOf(verdict), new TableStyle(false, true, 0));

        assertThat(table).isEqualTo("""
                TARGET         STATUS  DAYS  NOT AFTER   REASONS
                evil.test:443  FAIL      38  2027-01-01  not valid for evil.test: the certificate names DNS:evil.test\\x1B]52;c;cm0gLXJmIH4=\\x07
                    origin:     hosts.txt:7
                    subject:    CN=evil\\x1B[31m PASS
                    issuer:     CN=Corp Root CA
                    SANs:       DNS:evil.test\\x1B]52;c;cm0gLXJmIH4=\\x07
                    serial:     A
                    SHA-256:    %s
                    key:        EC 256
                    signature:  SHA256withECDSA
                    validity:   2026-11-01 00:00:00 UTC to 2027-01-01 00:00:00 UTC
                    protocol:   TLSv1.3
                    cipher:     TLS_AES_128_GCM_SHA256
                    address:    10.0.0.1:443
                    chain:      #0 CN=evil\\x1B[31m PASS  <- issued by CN=Corp Root CA
                    path:       CN=evil\\x1B[31m PASS
                                CN=Corp Root CA
                    anchor:     CN=Corp Root CA\\u{009B}2J
                    findings:   [host.mismatch] not valid for evil.test: the certificate names DNS:evil.test\\x1B]52;c;cm0gLXJmIH4=\\x07

                1 checked: 0 pass, 0 warn, 1 fail, 0 unknown
                """.formatted(facts.sha256Fingerprint()));
        assertThat(table.chars().filter(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f)))).isEmpty();
    }

    @Test
    void malformedInputLineIsEscapedAndALongTargetIsNeverCut() {
        Verdict malformed = new Verdict("web\r:99999", "hosts.txt:12", Status.UNKNOWN,
                List.of(Finding.of(FindingCode.INPUT_MALFORMED, Severity.UNKNOWN,
                        "\"web\\r:99999\": port out of range (1-65535)")),
                Optional.empty(), List.of(), List.of(), Optional.empty(), Duration.ZERO);
        Verdict longName = new Verdict("a-very-long-host-name-behind-the-load-balancer.corp.test:443", "hosts.txt:13",
                Status.UNKNOWN, List.of(Finding.of(FindingCode.PROBE_DNS, Severity.UNKNOWN, "no such host")),
                Optional.empty(), List.of(), List.of(), Optional.empty(), Duration.ZERO);

        String table = render(ReportFixtures.reportOf(malformed, longName), TableStyle.plain());

        assertThat(table).isEqualTo(String.format("%-60s  STATUS   DAYS  NOT AFTER  REASONS\n", "TARGET")
                + String.format("%-60s  UNKNOWN     -  -          \"web\\r:99999\": port out of range (1-65535)\n",
                        "web\\x0D:99999")
                + "a-very-long-host-name-behind-the-load-balancer.corp.test:443  UNKNOWN     -  -          no such host\n"
                + "\n2 checked: 0 pass, 0 warn, 0 fail, 2 unknown\n");
    }

    /** Issue 17: two hosts that differ in the middle once printed alike, cut to 40 characters. */
    @Test
    void targetsLongerThanTheColumnGetALineOfTheirOwnAndAreNeverCut() {
        String one = "webserver-frontend.eu-west.datacenter-one.corp.test@127.0.0.1:19599";
        String two = "webserver-frontend.eu-east.datacenter-one.corp.test@127.0.0.1:19599";
        Verdict first = new Verdict(one, "hosts.txt:1", Status.UNKNOWN,
                List.of(Finding.of(FindingCode.PROBE_DNS, Severity.UNKNOWN, "no such host")),
                Optional.empty(), List.of(), List.of(), Optional.empty(), Duration.ZERO);
        Verdict second = new Verdict(two, "hosts.txt:2", Status.UNKNOWN,
                List.of(Finding.of(FindingCode.PROBE_DNS, Severity.UNKNOWN, "no such host")),
                Optional.empty(), List.of(), List.of(), Optional.empty(), Duration.ZERO);

        String plain = render(ReportFixtures.reportOf(first, second), TableStyle.plain());
        String terminal = render(ReportFixtures.reportOf(first, second), new TableStyle(false, false, 100));

        assertThat(plain).isEqualTo(tableOfTwoLongTargets(64, one, two));
        assertThat(terminal).isEqualTo(tableOfTwoLongTargets(40, one, two));
    }

    private static String tableOfTwoLongTargets(int targetWidth, String one, String two) {
        String cells = " ".repeat(targetWidth) + "  UNKNOWN     -  -          no such host\n";
        return String.format("%-" + targetWidth + "s  STATUS   DAYS  NOT AFTER  REASONS%n", "TARGET").replace("\r", "")
                + one + "\n" + cells + two + "\n" + cells
                + "\n2 checked: 0 pass, 0 warn, 0 fail, 2 unknown\n";
    }

    @Test
    void widthWrapsLongReasonsUnderTheReasonsColumn() {
        Verdict fail = fixtures.fail();
        Verdict renamed = new Verdict("a-very-long-host-name-behind-the-load-balancer.corp.test:443", fail.origin(),
                fail.status(), fail.findings(), fail.connection(), fail.chain(), fail.path(), fail.anchor(),
                fail.elapsed());

        String table = render(ReportFixtures.reportOf(renamed), new TableStyle(false, false, 80));

        assertThat(table).isEqualTo("""
                TARGET                                    STATUS  DAYS  NOT AFTER   REASONS
                a-very-long-host-name-behind-the-load-balancer.corp.test:443
                                                          FAIL      -3  2026-11-20  expired 3 days ago
                                                                                      (notAfter
                                                                                      2026-11-20 12:00
                                                                                      UTC): renew it
                                                                                    not valid for
                                                                                      old.corp.test: the
                                                                                      certificate names
                                                                                      DNS:new.corp.test

                1 checked: 0 pass, 0 warn, 1 fail, 0 unknown
                """);
    }

    @Test
    void widthAlsoWrapsTheDetailValues() {
        String table = render(ReportFixtures.reportOf(ReportFixtures.unknown()), new TableStyle(false, true, 100));

        assertThat(table).isEqualTo("""
                TARGET              STATUS   DAYS  NOT AFTER  REASONS
                down.corp.test:443  UNKNOWN     -  -          connection refused by 10.0.0.7:443: is the service
                                                                running on this port?
                    origin:     hosts.txt:4
                    findings:   [probe.refused] connection refused by 10.0.0.7:443: is the service running on this
                                  port?

                1 checked: 0 pass, 0 warn, 0 fail, 1 unknown
                """);
    }

    @Test
    void emptyReportIsAHeaderAndTheSummary() {
        assertThat(render(ReportFixtures.reportOf(), TableStyle.plain())).isEqualTo("""
                TARGET  STATUS  DAYS  NOT AFTER  REASONS

                0 checked: 0 pass, 0 warn, 0 fail, 0 unknown
                """);
    }

    @Test
    void negativeWidthIsRejected() {
        assertThatThrownBy(() -> new TableStyle(false, false, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    private static String render(Report report, TableStyle style) {
        StringWriter text = new StringWriter();
        new TableReporter(style).write(report, new PrintWriter(text));
        return text.toString();
    }
}
