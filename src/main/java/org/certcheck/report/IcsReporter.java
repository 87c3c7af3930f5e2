package org.certcheck.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certcheck.finding.Printable;
import org.certcheck.validate.Lifetime;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Categories;

/**
 * The renewal calendar ({@code -o ics=FILE}): an iCalendar file (RFC 5545) with two events per leaf
 * certificate seen, one at its renewal point (where the warning threshold is reached: min(--warn-days,
 * a third of its lifetime), see {@link Lifetime}) and one at its expiry; each names the hosts serving
 * it, the issuer and the SHA-256 fingerprint. A certificate served by several endpoints is one pair of
 * events. UIDs are derived from the fingerprint, so a calendar client that subscribes to the file
 * updates the events instead of duplicating them.
 */
public final class IcsReporter implements Reporter {
    private static final Duration LENGTH = Duration.ofMinutes(30);
    private final int warnDays;

    /** @param warnDays {@code --warn-days}: the renewal point is the warning threshold of the check */
    public IcsReporter(int warnDays) {
        this.warnDays = warnDays;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//certcheck//renewal calendar//EN");
        calendar.setName("certcheck: certificate renewals");
        for (Map.Entry<String, List<Verdict>> entry : byCertificate(report).entrySet()) {
            CertificateFacts leaf = entry.getValue().get(0).leaf().orElseThrow();
            // Names from certificates and host lists can hold control characters: escaped, as in every format.
            List<String> hosts = entry.getValue().stream().map(Verdict::target).map(Printable::printable).distinct()
                    .toList();
            Lifetime.Threshold renewal = new Lifetime(leaf.notBefore(), leaf.notAfter()).warning(warnDays);
            String details = "Hosts: " + String.join(", ", hosts) + "\nSubject: " + Printable.printable(leaf.subject())
                    + "\nIssuer: " + Printable.printable(leaf.issuer()) + "\nSHA-256: " + leaf.sha256Fingerprint() + "\nnotAfter: "
                    + UtcTime.iso(leaf.notAfter());
            String name = hosts.get(0) + (hosts.size() > 1 ? " and " + (hosts.size() - 1) + " more" : "");
            calendar.addEvent(event(leaf, "renew", renewal.reachedAt(leaf.notAfter()), report.checkedAt(),
                    "Renew the certificate of " + name,
                    details + "\nRenewal point: " + renewal.name() + " before notAfter"));
            calendar.addEvent(event(leaf, "expiry", leaf.notAfter(), report.checkedAt(),
                    "Certificate of " + name + " expires", details));
        }
        Biweekly.write(calendar).go(out);
        out.flush();
    }

    private static VEvent event(CertificateFacts leaf, String what, Instant at, Instant stamp, String summary,
                                String description) {
        VEvent event = new VEvent();
        event.setUid(what + "-" + leaf.sha256Fingerprint().replace(":", "").toLowerCase(java.util.Locale.ROOT)
                + "@certcheck");
        event.setDateTimeStamp(Date.from(stamp));
        event.setDateStart(Date.from(at), true);
        event.setDateEnd(Date.from(at.plus(LENGTH)), true);
        event.setSummary(summary);
        event.setDescription(description);
        Categories categories = new Categories();
        categories.getValues().add("certcheck");
        categories.getValues().add(what);
        event.addCategories(categories);
        return event;
    }

    /** The verdicts that saw a leaf, by its fingerprint, in report order. */
    private static Map<String, List<Verdict>> byCertificate(Report report) {
        Map<String, List<Verdict>> groups = new LinkedHashMap<>();
        for (Verdict verdict : report.verdicts()) {
            verdict.leaf().ifPresent(leaf -> groups.computeIfAbsent(leaf.sha256Fingerprint(), k -> new ArrayList<>())
                    .add(verdict));
        }
        return groups;
    }
}
