package org.certcheck.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import org.certcheck.finding.Finding;
import org.certcheck.finding.Printable;

/**
 * The report as CSV for spreadsheets (RFC 4180): a header row, then one row per verdict.
 *
 * <pre>
 * target,origin,status,days_left,not_after,subject,issuer,serial,sha256,anchor,codes,reasons
 * </pre>
 *
 * <ul>
 * <li>Lines end in CRLF; a cell is quoted when it holds a comma, a quote, CR or LF, and quotes
 *     inside are doubled (RFC 4180 section 2).</li>
 * <li>{@code days_left} and {@code not_after} (ISO 8601 UTC) are empty when no certificate was
 *     seen; {@code codes} are the finding codes separated by spaces; {@code reasons} are the
 *     messages of the findings, one per line inside the cell.</li>
 * <li>Formula injection (OWASP "CSV injection"): a spreadsheet runs a cell that begins with
 *     {@code =}, {@code +}, {@code -}, {@code @}, TAB or CR as a formula, and a certificate's subject
 *     or a host list is attacker-chosen text. Such a cell gets a leading {@code '}, which spreadsheets
 *     show as text; plain numbers ({@code -3} days left) are left as they are.</li>
 * <li>Control characters are shown as escapes ({@link Printable}) so that {@code cat report.csv}
 *     is safe in a terminal.</li>
 * </ul>
 */
public final class CsvReporter implements Reporter {
    static final List<String> HEADER = List.of("target", "origin", "status", "days_left", "not_after", "subject",
            "issuer", "serial", "sha256", "anchor", "codes", "reasons");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+");

    @Override
    public void write(Report report, Writer out) throws IOException {
        row(out, HEADER);
        for (Verdict verdict : report.verdicts()) {
            row(out, cells(verdict, report));
        }
        out.flush();
    }

    private static List<String> cells(Verdict verdict, Report report) {
        OptionalLong days = DaysLeft.of(verdict, report.checkedAt());
        List<String> codes = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Finding finding : verdict.findings()) {
            codes.add(finding.code().code());
            reasons.add(Printable.printable(finding.message()));
        }
        List<String> cells = new ArrayList<>();
        cells.add(verdict.target());
        cells.add(verdict.origin());
        cells.add(verdict.status().name());
        cells.add(days.isPresent() ? Long.toString(days.getAsLong()) : "");
        cells.add(verdict.notAfter().map(UtcTime::iso).orElse(""));
        cells.add(verdict.leaf().map(CertificateFacts::subject).orElse(""));
        cells.add(verdict.leaf().map(CertificateFacts::issuer).orElse(""));
        cells.add(verdict.leaf().map(CertificateFacts::serialNumber).orElse(""));
        cells.add(verdict.leaf().map(CertificateFacts::sha256Fingerprint).orElse(""));
        cells.add(verdict.anchor().orElse(""));
        cells.add(String.join(" ", codes));
        List<String> safe = new ArrayList<>(cells.stream().map(Printable::printable).toList());
        safe.add(String.join("\n", reasons)); // each message escaped on its own, so only these line breaks remain
        return safe;
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(defused(cells.get(i))));
        }
        out.write("\r\n");
    }

    /** A cell a spreadsheet would evaluate becomes text; see the class comment. */
    static String defused(String cell) {
        if (cell.isEmpty() || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + cell : cell;
    }

    private static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
