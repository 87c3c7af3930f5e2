package org.certcheck.report;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.certcheck.clients.ClientOutcome;
import org.certcheck.clients.Refusal;
import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Printable;
import org.certcheck.finding.Severity;
import org.certcheck.testing.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report opened in a real browser (headless Chromium): it runs without errors, shows every
 * target, draws a square per certificate, and sorts. The page and a screenshot are kept under
 * {@code target/html-report/} for a person to look at.
 */
class HtmlReporterTest {
    static final Path ARTIFACTS = Path.of("target/html-report");
    private final ReportFixtures fixtures = new ReportFixtures();

    @TempDir
    Path scratch;

    @Test
    void pageLoadsNothingFromOutsideAndEscapesHostileText() throws IOException {
        String hostile = "<script>alert(1)</script>\u202e\"'&";
        Verdict verdict = new Verdict(hostile, "hosts.txt:<b>", Status.UNKNOWN,
                List.of(Finding.of(FindingCode.INPUT_MALFORMED, Severity.UNKNOWN, "<img src=x onerror=alert(2)>")),
                Optional.empty(), List.of(), List.of(), Optional.empty(), Duration.ZERO);

        String html = render(ReportFixtures.reportOf(verdict));
        Document page = Jsoup.parse(html);

        assertThat(page.select("[src], link, iframe, object, embed, base")).isEmpty();
        assertThat(page.select("script")).hasSize(1);
        assertThat(page.select("img")).isEmpty();
        assertThat(page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .startsWith("default-src 'none'; style-src 'sha256-").contains("; script-src 'sha256-");
        assertThat(page.selectFirst("#targets tbody td").ownText()).isEqualTo(Printable.printable(hostile));
    }

    @Test
    void clientsColumnShowsEachClientsOutcome() throws IOException {
        Verdict pass = fixtures.pass();
        Verdict withClients = new Verdict(pass.target(), pass.origin(), pass.status(), pass.findings(),
                pass.connection(), pass.chain(), pass.path(), pass.anchor(), pass.elapsed(), pass.revocation(),
                pass.anchorSha256(), List.of(new ClientOutcome("jdk17", List.of(), List.of()),
                        new ClientOutcome("jdk25", List.of(new Refusal("TLS_RSA only", "why")), List.of())));

        Document page = Jsoup.parse(render(ReportFixtures.reportOf(withClients)));

        assertThat(page.select("#targets thead th").last().text()).isEqualTo("Clients");
        assertThat(page.select("#targets tbody tr").first().select("td").last().select("li").eachText())
                .containsExactly("jdk17 ok", "jdk25 no (TLS_RSA only)");
    }

    @Test
    void chromiumShowsEveryTargetAndEveryCertificateAndRunsTheScriptWithoutErrors() throws Exception {
        Report report = fleet();
        Path file = write(report, "certcheck-report.html");
        HeadlessChromium chromium = HeadlessChromium.require(scratch);

        HeadlessChromium.Page page = chromium.open(file, "");
        chromium.screenshot(file, ARTIFACTS.resolve("certcheck-report.png"), 1280, 1100);

        assertThat(page.console()).isEmpty();
        Element root = page.dom().selectFirst("html");
        assertThat(root.attr("data-script")).isEqualTo("ok");
        assertThat(root.hasAttr("data-script-error")).isFalse();
        assertThat(page.dom().select("#targets tbody tr")).extracting(row -> row.child(0).ownText())
                .containsExactlyElementsOf(report.verdicts().stream().map(Verdict::target).toList());
        assertThat(page.dom().select("svg.timeline rect.cert"))
                .hasSize((int) report.verdicts().stream().filter(v -> v.leaf().isPresent()).count());
        assertThat(page.dom().select("svg.timeline rect.cert-FAIL title")).extracting(Element::text)
                .contains("old.corp.test:443: FAIL, notAfter 2026-11-20");
        assertThat(page.dom().selectFirst("h1").text()).isEqualTo("TLS certificates: " + report.summary());
    }

    @Test
    void aSortFragmentOpensTheTableSortedAndMarksTheColumn() throws Exception {
        Path file = write(fixtures.report(), "sorted-report.html");
        HeadlessChromium chromium = HeadlessChromium.require(scratch);

        HeadlessChromium.Page byExpiry = chromium.open(file, "sort=expiry");
        HeadlessChromium.Page byStatus = chromium.open(file, "sort=status");

        assertThat(byExpiry.console()).isEmpty();
        assertThat(byExpiry.dom().select("#targets tbody tr")).extracting(row -> row.child(0).ownText())
                .containsExactly("old.corp.test:443", "soon.corp.test:8443", "www.corp.test:443", "down.corp.test:443");
        assertThat(byExpiry.dom().selectFirst("th[data-key=expiry]").attr("aria-sort")).isEqualTo("ascending");
        assertThat(byStatus.dom().select("#targets tbody tr td.status")).extracting(Element::text)
                .containsExactly("FAIL", "UNKNOWN", "WARN", "PASS");
    }

    /** The fixtures plus certificates spread over the year, so the screenshot shows a real timeline. */
    private Report fleet() {
        List<Verdict> verdicts = new ArrayList<>(fixtures.report().verdicts());
        Instant now = ReportFixtures.CHECKED_AT;
        for (int i = 0; i < 40; i++) {
            long days = (i * 37L) % 420 - 10;
            Instant notAfter = now.plus(Duration.ofDays(days));
            Status status = days < 0 ? Status.FAIL : days < 30 ? Status.WARN : Status.PASS;
            CertificateFacts leaf = new CertificateFacts("CN=app" + i + ".corp.test", "CN=Corp Intermediate CA",
                    List.of("DNS:app" + i + ".corp.test"), Integer.toHexString(1000 + i).toUpperCase(java.util.Locale.ROOT),
                    fixtures.wwwLeaf.sha256Fingerprint(), "EC", 256, "SHA256withECDSA", notAfter.minus(Duration.ofDays(90)),
                    notAfter);
            List<Finding> findings = status == Status.PASS ? List.of() : List.of(Finding.of(
                    status == Status.FAIL ? FindingCode.CERT_EXPIRED : FindingCode.CERT_EXPIRES_SOON,
                    status == Status.FAIL ? Severity.FAIL : Severity.WARN, "expires " + days + " days from now"));
            verdicts.add(new Verdict("app" + i + ".corp.test:443", "hosts.txt:" + (10 + i), status, findings,
                    Optional.empty(), List.of(leaf), List.of(), Optional.of("CN=Corp Root CA"), Duration.ofMillis(20)));
        }
        return new Report(now, ReportFixtures.TRUST, verdicts);
    }

    private static Path write(Report report, String name) throws IOException {
        Files.createDirectories(ARTIFACTS);
        return Files.writeString(ARTIFACTS.resolve(name), render(report));
    }

    private static String render(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new HtmlReporter().write(report, out);
        return out.toString();
    }
}
