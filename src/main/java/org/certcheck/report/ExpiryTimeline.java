package org.certcheck.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.certcheck.validate.Lifetime;

/**
 * The picture of the HTML report: when the leaf certificates expire over the next twelve months,
 * as an inline SVG (no script, no external resource).
 *
 * <p>Time runs left to right in weekly columns from the check; each certificate is one square in
 * the week its notAfter falls in, stacked upwards (failures first) and colored by its target's
 * status, so failures stand out in red. Certificates that already expired gather in an "expired" column on the left,
 * those beyond twelve months in a "later" column on the right. A column taller than
 * {@value #MAX_STACK} squares shows the rest as {@code +N}. Every square has a tooltip with the
 * target and the date. Targets without a certificate (could not be checked) are not drawn.
 *
 * <p>Renewal points (issue 16): a certificate whose renewal point (min(--warn-days, a third of its
 * lifetime) before notAfter, {@link Lifetime}) is still ahead gets a tick below the axis in that week,
 * with a tooltip naming the target and the date, so the weeks with renewal work show before the
 * weeks of expiry.
 */
final class ExpiryTimeline {
    static final int MAX_STACK = 24;
    private static final int WEEKS = 53;
    private static final int WIDTH = 1000;
    private static final int LEFT = 60;
    private static final int RIGHT = 60;
    private static final int COLUMN = (WIDTH - LEFT - RIGHT) / WEEKS;
    private static final int SQUARE = COLUMN - 3;
    private static final int AXIS_HEIGHT = 34;
    private static final int TOP = 10;

    private ExpiryTimeline() {
    }

    static String svg(Report report) {
        return svg(report, org.certcheck.validate.Policy.DEFAULT.warnDays());
    }

    static String svg(Report report, int warnDays) {
        Instant start = report.checkedAt();
        List<List<Verdict>> columns = new ArrayList<>();
        for (int i = 0; i < WEEKS + 2; i++) {
            columns.add(new ArrayList<>());
        }
        for (Verdict verdict : report.verdicts()) {
            verdict.notAfter().ifPresent(notAfter -> columns.get(column(start, notAfter)).add(verdict));
        }
        // Failures at the bottom of each column, where the eye lands first, and never cut off by +N.
        columns.forEach(column -> column.sort(java.util.Comparator.comparingInt(v -> VerdictOrder.urgency(v.status()))));
        int tallest = Math.min(MAX_STACK + 1, columns.stream().mapToInt(List::size).max().orElse(0));
        int plot = Math.max(3, tallest) * (SQUARE + 2);
        int height = TOP + plot + AXIS_HEIGHT;
        int baseline = TOP + plot;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\">\n");
        svg.append("<title>Leaf certificates by expiry date over the next 12 months</title>\n");
        axis(svg, start, baseline);
        for (int c = 0; c < columns.size(); c++) {
            List<Verdict> column = columns.get(c);
            for (int i = 0; i < column.size() && i < MAX_STACK; i++) {
                Verdict verdict = column.get(i);
                int y = baseline - (i + 1) * (SQUARE + 2);
                svg.append("<rect class=\"cert cert-").append(verdict.status()).append("\" x=\"").append(x(c) + 1)
                        .append("\" y=\"").append(y).append("\" width=\"").append(SQUARE).append("\" height=\"")
                        .append(SQUARE).append("\" rx=\"2\"><title>")
                        .append(HtmlText.escape(verdict.target() + ": " + verdict.status() + ", notAfter "
                                + UtcTime.date(verdict.notAfter().orElseThrow())))
                        .append("</title></rect>\n");
            }
            if (column.size() > MAX_STACK) {
                svg.append("<text x=\"").append(x(c) + COLUMN / 2).append("\" y=\"")
                        .append(baseline - MAX_STACK * (SQUARE + 2) - 4).append("\" text-anchor=\"middle\">+")
                        .append(column.size() - MAX_STACK).append("</text>\n");
            }
        }
        renewals(svg, report, warnDays, baseline);
        svg.append("</svg>");
        return svg.toString();
    }

    private static void renewals(StringBuilder svg, Report report, int warnDays, int baseline) {
        Instant start = report.checkedAt();
        for (Verdict verdict : report.verdicts()) {
            verdict.leaf().ifPresent(leaf -> {
                Instant renewal = new Lifetime(leaf.notBefore(), leaf.notAfter()).warning(warnDays)
                        .reachedAt(leaf.notAfter());
                int c = column(start, renewal);
                if (renewal.isBefore(start) || c > WEEKS) {
                    return;
                }
                int x = x(c) + COLUMN / 2;
                svg.append("<path class=\"renewal\" d=\"M").append(x).append(' ').append(baseline + 1).append(" l-3 5 h6 z\">")
                        .append("<title>").append(HtmlText.escape(verdict.target() + ": renew from "
                                + UtcTime.date(renewal))).append("</title></path>\n");
            });
        }
    }

    /** 0 for expired, 1..53 for the week from the check, 54 for later. */
    private static int column(Instant start, Instant notAfter) {
        if (notAfter.isBefore(start)) {
            return 0;
        }
        long week = Duration.between(start, notAfter).toDays() / 7;
        return week >= WEEKS ? WEEKS + 1 : (int) week + 1;
    }

    private static int x(int column) {
        if (column == 0) {
            return LEFT - COLUMN - 12;
        }
        if (column == WEEKS + 1) {
            return WIDTH - RIGHT + 12;
        }
        return LEFT + (column - 1) * COLUMN;
    }

    private static void axis(StringBuilder svg, Instant start, int baseline) {
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(baseline).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(baseline).append("\"/>\n");
        svg.append("<line class=\"today\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"")
                .append(LEFT).append("\" y2=\"").append(baseline).append("\"/>\n");
        LocalDate first = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate month = first.withDayOfMonth(1).plusMonths(1);
        while (month.isBefore(first.plusDays(WEEKS * 7L))) {
            long days = Duration.between(first.atStartOfDay(), month.atStartOfDay()).toDays();
            int x = LEFT + (int) (days * COLUMN / 7);
            String label = month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                    + (month.getMonthValue() == 1 ? " " + month.getYear() : "");
            svg.append("<line class=\"grid\" x1=\"").append(x).append("\" y1=\"").append(TOP).append("\" x2=\"")
                    .append(x).append("\" y2=\"").append(baseline + 4).append("\"/>\n");
            svg.append("<text x=\"").append(x + 3).append("\" y=\"").append(baseline + 16).append("\">")
                    .append(label).append("</text>\n");
            month = month.plusMonths(1);
        }
        svg.append("<text x=\"").append(x(0) + COLUMN / 2).append("\" y=\"").append(baseline + 16)
                .append("\" text-anchor=\"middle\">expired</text>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(baseline + 30)
                .append("\" text-anchor=\"middle\">now</text>\n");
        svg.append("<text x=\"").append(x(WEEKS + 1) + COLUMN / 2).append("\" y=\"").append(baseline + 16)
                .append("\" text-anchor=\"middle\">later</text>\n");
    }
}
