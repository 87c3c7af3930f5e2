package org.certcheck.report;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.certcheck.finding.Printable;

/**
 * The report as a text table for people: one row per verdict in input order, then a blank line and
 * the summary.
 *
 * <pre>
 * TARGET               STATUS   DAYS  NOT AFTER   REASONS
 * www.corp.test:443    PASS       89  2027-02-21  ok, chain ends at CN=Corp Root CA
 * old.corp.test:443    FAIL       -3  2026-11-20  expired 3 days ago (notAfter 2026-11-20 12:00 UTC): renew it
 *                                                 not valid for old.corp.test: the certificate names DNS:new.corp.test
 * soon.corp.test:8443  WARN       12  2026-12-05  expires in 12 days (notAfter 2026-12-05 12:00 UTC, --warn-days 30): renew it soon
 * down.corp.test:443   UNKNOWN     -  -           connection refused by 10.0.0.7:443: is the service running on this port?
 *
 * 4 checked: 1 pass, 1 warn, 1 fail, 1 unknown
 * </pre>
 *
 * When revocation was checked for any target, a REVOCATION column ({@code good (ocsp)},
 * {@code revoked (crl)}, {@code unknown}, {@code no info}, {@code -} for not checked) comes before
 * REASONS. Columns are separated by two spaces and as wide as their widest cell; a target wider than
 * TARGET may be (40 columns or a third of the terminal's width; 64 when the output is not a terminal)
 * is never cut: it gets a line of its own above its row, whose TARGET cell is then empty; DAYS is right-aligned; {@code -} stands for "no certificate seen". Further reasons
 * continue on their own lines under REASONS; with a {@link TableStyle#width() width} a long reason
 * wraps, its continuation lines indented two more spaces. In details mode every row is followed by
 * an indented block of {@code label: value} lines (origin, the leaf's facts, the connection, the
 * chain as sent, the validated path and anchor, every finding as {@code [code] message}) and a
 * blank line.
 *
 * <p>When the run judged the CRLs of issuing CAs, their block ({@link CaFooter}) comes just before
 * the summary.
 *
 * <p>With {@link TableStyle#problemsOnly()} the PASS rows are left out; the summary still counts them.
 *
 * <p>Lines never end in spaces and always end in {@code \n}, whatever the platform, so the output is
 * the same everywhere. Every string from a certificate, a server or the host list passes through
 * {@link Printable}; the only escape sequences written are the colors this class adds when
 * asked to.
 */
public final class TableReporter implements Reporter {
    private static final String GAP = "  ";
    private static final int MIN_REASONS_WIDTH = 20;
    private static final String RESET = "\u001b[0m";
    private static final String REVOCATION = "REVOCATION";

    private final TableStyle style;

    public TableReporter(TableStyle style) {
        this.style = Objects.requireNonNull(style, "style");
    }

    @Override
    public void write(Report report, Writer out) {
        write(report, out instanceof PrintWriter printer ? printer : new PrintWriter(out));
    }

    public void write(Report report, PrintWriter out) {
        List<Verdict> shown = report.verdicts().stream()
                .filter(verdict -> !style.problemsOnly() || verdict.status() != Status.PASS).toList();
        List<TableRow> rows = new ArrayList<>();
        for (Verdict verdict : shown) {
            rows.add(TableRow.of(verdict, report.checkedAt(), style.details()));
        }
        int targetLimit = style.width() == 0 ? TableRow.PLAIN_TARGET_LIMIT
                : Math.max(TableRow.TARGET_LIMIT, style.width() / 3);
        int targetWidth = Math.min(targetLimit, width("TARGET", rows, TableRow::target));
        int statusWidth = width("STATUS", rows, row -> row.status().name());
        int daysWidth = width("DAYS", rows, TableRow::days);
        int notAfterWidth = width("NOT AFTER", rows, TableRow::notAfter);
        // Only a run that checked revocation has the column, so a run with --revocation off reads as before.
        boolean revocation = report.verdicts().stream().anyMatch(verdict -> verdict.revocation().isPresent());
        int revocationWidth = revocation ? width(REVOCATION, rows, TableRow::revocation) : 0;
        String reasonsIndent = " ".repeat(targetWidth + statusWidth + daysWidth + notAfterWidth + 4 * GAP.length()
                + (revocation ? revocationWidth + GAP.length() : 0));
        int reasonsWidth = style.width() == 0 ? 0
                : Math.max(MIN_REASONS_WIDTH, style.width() - reasonsIndent.length());

        line(out, pad("TARGET", targetWidth) + GAP + pad("STATUS", statusWidth) + GAP
                + padLeft("DAYS", daysWidth) + GAP + pad("NOT AFTER", notAfterWidth) + GAP
                + (revocation ? pad(REVOCATION, revocationWidth) + GAP : "") + "REASONS");
        for (int i = 0; i < rows.size(); i++) {
            TableRow row = rows.get(i);
            List<String> reasons = new ArrayList<>();
            row.reasons().forEach(reason -> reasons.addAll(WordWrap.wrap(reason, reasonsWidth)));
            boolean alone = WordWrap.length(row.target()) > targetWidth;
            if (alone) {
                line(out, row.target());
            }
            line(out, pad(alone ? "" : row.target(), targetWidth) + GAP + status(row.status(), statusWidth) + GAP
                    + padLeft(row.days(), daysWidth) + GAP + pad(row.notAfter(), notAfterWidth) + GAP
                    + (revocation ? pad(row.revocation(), revocationWidth) + GAP : "")
                    + (reasons.isEmpty() ? "" : reasons.get(0)));
            for (String reason : reasons.subList(Math.min(1, reasons.size()), reasons.size())) {
                line(out, reasonsIndent + reason);
            }
            if (style.details()) {
                DetailsBlock.lines(shown.get(i), style.width()).forEach(detail -> line(out, detail));
                line(out, "");
            }
        }
        if (!style.details()) {
            line(out, "");
        }
        CaFooter.lines(report.cas(), style.width()).forEach(footer -> line(out, footer));
        line(out, report.summary());
        PostQuantumShare share = PostQuantumShare.of(report.verdicts());
        if (style.details() && share.reached() > 0) {
            line(out, share.line());
        }
        out.flush();
    }

    private String status(Status status, int width) {
        String padding = " ".repeat(width - status.name().length());
        return style.color() ? color(status) + status.name() + RESET + padding : status.name() + padding;
    }

    /** PASS green, WARN yellow, FAIL red, UNKNOWN bold magenta: the last must not pass for any of the others. */
    private static String color(Status status) {
        return switch (status) {
            case PASS -> "\u001b[32m";
            case WARN -> "\u001b[33m";
            case FAIL -> "\u001b[31m";
            case UNKNOWN -> "\u001b[1;35m";
        };
    }

    private static int width(String header, List<TableRow> rows, Function<TableRow, String> cell) {
        int width = header.length();
        for (TableRow row : rows) {
            width = Math.max(width, WordWrap.length(cell.apply(row)));
        }
        return width;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - WordWrap.length(text));
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(width - WordWrap.length(text)) + text;
    }

    private static void line(PrintWriter out, String text) {
        out.print(text.stripTrailing());
        out.print('\n');
    }
}
