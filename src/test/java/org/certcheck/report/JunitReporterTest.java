package org.certcheck.report;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Printable;
import org.certcheck.finding.Severity;

import static org.assertj.core.api.Assertions.assertThat;

public class JunitReporterTest {
    private final ReportFixtures fixtures = new ReportFixtures();

    @Test
    void oneTestcasePerTargetFailuresWithTheirFindingsUnknownsAsErrorsWarningsInSystemOut() throws Exception {
        String xml = render(fixtures.report(), false);

        assertThat(xml).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="certcheck" tests="4" failures="1" errors="1" skipped="0" time="0.107" \
                timestamp="2026-11-23T12:00:00">
                  <properties>
                    <property name="checkedAt" value="2026-11-23T12:00:00Z"/>
                    <property name="trust" value="1 CA from certs/corp-root.pem"/>
                  </properties>
                  <testcase name="www.corp.test:443" classname="certcheck" time="0.035">
                    <system-out>PASS chain ends at CN=Corp Root CA
                INFO [tls.handshake-failed] the server asked for a client certificate after sending its own; \
                none was sent</system-out>
                  </testcase>
                  <testcase name="old.corp.test:443" classname="certcheck" time="0.041">
                    <failure message="expired 3 days ago (notAfter 2026-11-20 12:00 UTC): renew it; not valid for \
                old.corp.test: the certificate names DNS:new.corp.test" type="cert.expired">[cert.expired] expired 3 \
                days ago (notAfter 2026-11-20 12:00 UTC): renew it
                [host.mismatch] not valid for old.corp.test: the certificate names DNS:new.corp.test</failure>
                  </testcase>
                  <testcase name="soon.corp.test:8443" classname="certcheck" time="0.028">
                    <system-out>WARN chain ends at CN=Corp Root CA
                WARN [cert.expires-soon] expires in 12 days (notAfter 2026-12-05 12:00 UTC, --warn-days 30): renew \
                it soon</system-out>
                  </testcase>
                  <testcase name="down.corp.test:443" classname="certcheck" time="0.003">
                    <error message="connection refused by 10.0.0.7:443: is the service running on this port?" \
                type="probe.refused">[probe.refused] connection refused by 10.0.0.7:443: is the service running on \
                this port?</error>
                  </testcase>
                  <system-out>4 checked: 1 pass, 1 warn, 1 fail, 1 unknown</system-out>
                </testsuite>
                """);
    }

    @Test
    void reportIsValidAgainstTheJunitSchema() throws Exception {
        validate(render(fixtures.report(), false));
        validate(render(fixtures.report(), true));
        validate(render(ReportFixtures.reportOf(), false));
    }

    @Test
    void withFailOnWarnAWarningIsAFailureSoTheReportAgreesWithTheExitCode() throws Exception {
        Document document = parse(render(fixtures.report(), true));

        Element suite = (Element) document.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        Element warned = testcases(document).get(2);
        Element failure = (Element) warned.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("cert.expires-soon");
        assertThat(failure.getAttribute("message")).startsWith("expires in 12 days");
    }

    @Test
    void hostileCertificateTextStaysValidXmlAndReadsBackEscaped() throws Exception {
        String hostile = "evil\u0000\u001b[2J</failure><x a=\"&\"> \ud800 \u202e";
        Verdict verdict = new Verdict(hostile, "hosts.txt:1", Status.FAIL,
                List.of(Finding.of(FindingCode.CHAIN_UNTRUSTED, Severity.FAIL, hostile)), Optional.empty(),
                List.of(), List.of(), Optional.empty(), Duration.ZERO);

        String xml = render(ReportFixtures.reportOf(verdict), false);
        validate(xml);
        Element testcase = testcases(parse(xml)).get(0);

        assertThat(testcase.getAttribute("name")).isEqualTo(Printable.printable(hostile));
        assertThat(testcase.getElementsByTagName("failure").item(0).getTextContent())
                .isEqualTo("[chain.untrusted] " + Printable.printable(hostile));
    }

    public static void validate(String xml) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JunitReporterTest.class.getResource("/junit/junit.xsd"))
                .newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    public static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    public static List<Element> testcases(Document document) {
        NodeList nodes = document.getElementsByTagName("testcase");
        List<Element> testcases = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            testcases.add((Element) nodes.item(i));
        }
        return testcases;
    }

    private static String render(Report report, boolean failOnWarn) throws IOException {
        StringWriter out = new StringWriter();
        new JunitReporter(failOnWarn).write(report, out);
        return out.toString();
    }
}
