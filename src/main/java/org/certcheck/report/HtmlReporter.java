package org.certcheck.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import org.certcheck.finding.Finding;
import org.certcheck.finding.Severity;
import org.certcheck.revocation.CrlHealth;

/**
 * The report as one self-contained HTML page for a person: the summary, the expiry timeline of
 * {@link ExpiryTimeline}, and a table of every target that sorts by any column on a click.
 *
 * <p>Everything is inline (style, script, SVG), so the file can be mailed or opened from a share
 * and never loads anything from a network. A Content-Security-Policy allows only this page's own
 * style and script, by their SHA-256 hashes: {@code default-src 'none'}, so even a certificate
 * subject that slipped past the escaping could not load or run anything. Rows are in the report's
 * order; {@code report.html#sort=expiry} (or {@code status}, {@code days}, {@code target}) opens it
 * sorted. Without JavaScript the page still shows everything, unsorted.
 */
public final class HtmlReporter implements Reporter {
    private static final String STYLE = resource("report.css");
    private static final String SCRIPT = resource("report.js");
    private final int warnDays;

    /** With the default warning threshold (30 days) for the timeline's renewal points. */
    public HtmlReporter() {
        this(org.certcheck.validate.Policy.DEFAULT.warnDays());
    }

    /** @param warnDays {@code --warn-days}: the timeline marks where each certificate's warning threshold is reached */
    public HtmlReporter(int warnDays) {
        this.warnDays = warnDays;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<Status, Integer> counts = report.countByStatus();
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '")
                .append(hash(STYLE)).append("'; script-src '").append(hash(SCRIPT)).append("'\">\n")
                .append("<title>certcheck: ").append(report.summary()).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>TLS certificates: ").append(report.summary()).append("</h1>\n")
                .append("<p class=\"meta\">Checked ").append(UtcTime.dateTime(report.checkedAt()))
                .append(" against ").append(HtmlText.escape(report.trust())).append(postQuantum(report))
                .append(".</p>\n")
                .append("<ul class=\"summary\">\n")
                .append("<li class=\"total\"><b>").append(report.verdicts().size()).append("</b>checked</li>\n");
        for (Status status : Status.values()) {
            String name = status.name().toLowerCase(Locale.ROOT);
            html.append("<li class=\"").append(name).append("\"><b>").append(counts.get(status)).append("</b>")
                    .append(name).append("</li>\n");
        }
        html.append("</ul>\n<h2>Expiry over the next 12 months</h2>\n")
                .append(ExpiryTimeline.svg(report, warnDays)).append('\n')
                .append("<p class=\"legend\"><span class=\"status-PASS\">pass</span><span class=\"status-WARN\">warn"
                        + "</span><span class=\"status-FAIL\">fail</span> one square per leaf certificate, in the "
                        + "week it expires; hover for the target.</p>\n");
        table(html, report);
        crlHealth(html, report);
        html.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        out.write(html.toString());
        out.flush();
    }

    private static void table(StringBuilder html, Report report) {
        html.append("<h2>Targets</h2>\n<table id=\"targets\">\n<thead><tr>")
                .append("<th data-key=\"target\">Target</th>")
                .append("<th data-key=\"status\" data-type=\"number\">Status</th>")
                .append("<th data-key=\"days\" data-type=\"number\">Days left</th>")
                .append("<th data-key=\"expiry\">Not after</th>")
                .append("<th data-key=\"certificate\">Certificate</th>")
                .append("<th data-key=\"reasons\">Reasons</th>")
                .append("<th data-key=\"clients\">Clients</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (Verdict verdict : report.verdicts()) {
            OptionalLong days = DaysLeft.of(verdict, report.checkedAt());
            html.append("<tr class=\"row-").append(verdict.status()).append("\">")
                    .append("<td>").append(HtmlText.escape(verdict.target()))
                    .append("<span class=\"origin\">").append(HtmlText.escape(verdict.origin())).append("</span></td>")
                    .append("<td class=\"status status-").append(verdict.status()).append("\" data-sort=\"")
                    .append(VerdictOrder.urgency(verdict.status())).append("\">").append(verdict.status()).append("</td>")
                    .append("<td class=\"num\" data-sort=\"")
                    .append(days.isPresent() ? days.getAsLong() : Long.MAX_VALUE).append("\">")
                    .append(days.isPresent() ? Long.toString(days.getAsLong()) : "-").append("</td>")
                    .append("<td class=\"date\" data-sort=\"").append(verdict.notAfter().map(UtcTime::iso).orElse("~")).append("\">")
                    .append(verdict.notAfter().map(UtcTime::date).orElse("-")).append("</td><td>");
            verdict.leaf().ifPresent(leaf -> html.append(HtmlText.escape(leaf.subject()))
                    .append("<span class=\"dn\">issued by ").append(HtmlText.escape(leaf.issuer())).append("</span>"));
            verdict.connection().flatMap(Connection::posture).flatMap(CryptoPosture::keyExchange).ifPresent(group -> html
                    .append("<span class=\"dn\">key exchange ").append(HtmlText.escape(group)).append("</span>"));
            html.append("</td><td><ul class=\"reasons\">");
            if (verdict.status() == Status.PASS) {
                html.append("<li>").append(HtmlText.escape(verdict.anchor().map(a -> "ok, chain ends at " + a)
                        .orElse("ok")));
                verdict.anchorSha256().ifPresent(sha256 -> html.append("<span class=\"dn\">SHA-256 ")
                        .append(HtmlText.escape(sha256)).append("</span>"));
                html.append("</li>");
            }
            for (Finding finding : verdict.findings()) {
                if (finding.severity() != Severity.INFO) {
                    html.append("<li>").append(HtmlText.escape(finding.message())).append(" <code>")
                            .append(finding.code().code()).append("</code></li>");
                }
            }
            html.append("</ul></td><td><ul class=\"reasons\">");
            verdict.clients().forEach(client -> html.append("<li>").append(HtmlText.escape(client.summary())).append("</li>"));
            html.append("</ul></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** {@code ; 3 of 12 hosts use a post-quantum key exchange}, when any posture is known. */
    /** Each issuing CA's CRL health (docs/crl-health.md), once for the page, when the run judged any. */
    private static void crlHealth(StringBuilder html, Report report) {
        if (report.cas().isEmpty()) {
            return;
        }
        html.append("<h2>CRLs of issuing CAs</h2>\n<table id=\"cas\">\n<thead><tr><th>Issuing CA</th><th>Status</th>")
                .append("<th>CRLs (nextUpdate)</th><th>Findings</th></tr></thead>\n<tbody>\n");
        for (CrlHealth ca : report.cas()) {
            Status status = Status.of(ca.findings());
            html.append("<tr><td>").append(HtmlText.escape(ca.subject())).append(" <small>key ")
                    .append(HtmlText.escape(ca.shortKeyId()))
                    .append("</small></td><td class=\"status status-").append(status).append("\">").append(status)
                    .append("</td><td><ul>");
            for (CrlHealth.Published crl : ca.crls()) {
                html.append("<li>").append(HtmlText.escape(crl.url())).append(' ')
                        .append(crl.crl().map(facts -> facts.nextUpdate().map(UtcTime::dateTime).orElse("no nextUpdate"))
                                .orElse("not downloaded")).append("</li>");
            }
            html.append("</ul></td><td><ul>");
            ca.findings().forEach(finding -> html.append("<li>").append(finding.severity()).append(" [")
                    .append(finding.code().code()).append("] ").append(HtmlText.escape(finding.message())).append("</li>"));
            html.append("</ul></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String postQuantum(Report report) {
        PostQuantumShare share = PostQuantumShare.of(report.verdicts());
        return share.reached() > 0 ? "; " + share.line() : "";
    }

    /** The CSP source expression for an inline element: 'sha256-' and the Base64 of its UTF-8 digest. */
    private static String hash(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReporter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to HtmlReporter");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
