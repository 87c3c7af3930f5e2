package org.certcheck.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.certcheck.finding.Finding;
import org.certcheck.finding.Printable;
import org.certcheck.finding.Severity;
import org.certcheck.revocation.CrlHealth;

/**
 * The report as JUnit XML, the test-result format GitLab ({@code artifacts:reports:junit}), Jenkins
 * ({@code junit} step) and GitHub test-report actions display: one {@code testsuite} named
 * {@code certcheck}, one {@code testcase} per target, named {@code host:port}.
 *
 * <ul>
 * <li>FAIL: a {@code failure} whose {@code type} is the first finding's code, whose {@code message}
 *     is the findings' messages joined by {@code "; "}, and whose text lists every finding as
 *     {@code [code] message}, one per line.</li>
 * <li>UNKNOWN (could not be checked): an {@code error}, in the same shape: CI tools show errors
 *     apart from failures, and so does the exit code (3).</li>
 * <li>WARN: a failure when the run uses {@code --fail-on warn} (so the report agrees with the exit
 *     code); otherwise the test passes, and the warnings are its {@code system-out}, which the tools
 *     show next to the test, prefixed {@code WARN}.</li>
 * <li>PASS: the anchor its chain ends at, and any informational findings, in {@code system-out}.</li>
 * </ul>
 *
 * The CRL health of each issuing CA (docs/crl-health.md) follows as one more {@code testcase} per CA,
 * named {@code CRL health of SUBJECT (key KEYID)}, classname {@code certcheck.crl-health}, in the
 * same shape: a failing CA fails its test, as it fails the run's exit code.
 *
 * <p>{@code time} is the seconds spent on the target; {@code timestamp} is the check time in UTC
 * without a zone designator, as Ant and Surefire write it. Text from certificates passes through
 * {@link Printable}, which also keeps out the control characters XML 1.0 cannot carry at all.
 */
public final class JunitReporter implements Reporter {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String SUITE = "certcheck";

    private final boolean failOnWarn;

    /** @param failOnWarn {@code --fail-on warn}: warnings are failures, as they are for the exit code */
    public JunitReporter(boolean failOnWarn) {
        this.failOnWarn = failOnWarn;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            // One run is one suite: a <testsuite> root, Ant's own format, which Ant's junitreport
            // reads (it counts 0 tests under a <testsuites> root), as do Jenkins, GitLab and GitHub.
            newline(xml, 0);
            xml.writeStartElement("testsuite");
            counts(xml, report);
            newline(xml, 1);
            xml.writeStartElement("properties");
            property(xml, "checkedAt", UtcTime.iso(report.checkedAt()));
            property(xml, "trust", report.trust());
            newline(xml, 1);
            xml.writeEndElement();
            for (Verdict verdict : report.verdicts()) {
                testcase(xml, verdict);
            }
            for (CrlHealth ca : report.cas()) {
                crlHealthTestcase(xml, ca);
            }
            newline(xml, 1);
            element(xml, "system-out", report.summary());
            newline(xml, 0);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit XML report: " + e.getMessage(), e);
        }
        out.flush();
    }

    private void counts(XMLStreamWriter xml, Report report) throws XMLStreamException {
        var counts = report.countByStatus();
        int failures = counts.get(Status.FAIL) + (failOnWarn ? counts.get(Status.WARN) : 0)
                + (int) report.casStatuses().stream().filter(this::failed).count();
        xml.writeAttribute("name", SUITE);
        xml.writeAttribute("tests", Integer.toString(report.verdicts().size() + report.cas().size()));
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", Integer.toString(counts.get(Status.UNKNOWN)));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(report.verdicts().stream().map(Verdict::elapsed)
                .reduce(Duration.ZERO, Duration::plus)));
        xml.writeAttribute("timestamp", TIMESTAMP.format(report.checkedAt()));
    }

    private void testcase(XMLStreamWriter xml, Verdict verdict) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", Printable.printable(verdict.target()));
        xml.writeAttribute("classname", SUITE);
        xml.writeAttribute("time", seconds(verdict.elapsed()));
        Status status = verdict.status();
        if (status == Status.UNKNOWN || failed(status)) {
            newline(xml, 2);
            problem(xml, status == Status.UNKNOWN ? "error" : "failure", status, verdict.findings());
        } else {
            List<String> lines = new ArrayList<>();
            lines.add(status + " " + verdict.anchor().map(anchor -> "chain ends at " + Printable.printable(anchor))
                    .orElse("").trim());
            lines.addAll(lines(verdict.findings(), true));
            newline(xml, 2);
            element(xml, "system-out", String.join("\n", lines));
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    /** A {@code failure} or {@code error}: the first problem's code, every problem's message, one per line. */
    private static void problem(XMLStreamWriter xml, String element, Status status, List<Finding> findings)
            throws XMLStreamException {
        List<Finding> problems = findings.stream().filter(f -> f.severity() != Severity.INFO).toList();
        xml.writeStartElement(element);
        xml.writeAttribute("message", String.join("; ", problems.stream()
                .map(f -> Printable.printable(f.message())).toList()));
        xml.writeAttribute("type", problems.isEmpty() ? status.name() : problems.get(0).code().code());
        xml.writeCharacters(String.join("\n", lines(problems, false)));
        xml.writeEndElement();
    }

    private boolean failed(Status status) {
        return status == Status.FAIL || (failOnWarn && status == Status.WARN);
    }

    private void crlHealthTestcase(XMLStreamWriter xml, CrlHealth ca) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", "CRL health of " + Printable.printable(ca.subject()) + " (key "
                + ca.shortKeyId() + ")");
        xml.writeAttribute("classname", SUITE + ".crl-health");
        xml.writeAttribute("time", "0.000");
        Status status = Status.of(ca.findings());
        newline(xml, 2);
        if (failed(status)) {
            problem(xml, "failure", status, ca.findings());
        } else {
            List<String> lines = new ArrayList<>();
            lines.add(status + " " + ca.crls().size() + " CRL(s) of " + ca.certificates() + " certificate(s) checked");
            lines.addAll(lines(ca.findings(), true));
            element(xml, "system-out", String.join("\n", lines));
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    /** {@code [code] message} per finding; with the severity in front when the test itself passed. */
    private static List<String> lines(List<Finding> findings, boolean withSeverity) {
        return findings.stream().map(f -> (withSeverity ? f.severity() + " " : "") + "[" + f.code().code() + "] "
                + Printable.printable(f.message())).toList();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        newline(xml, 2);
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", Printable.printable(value));
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }
}
