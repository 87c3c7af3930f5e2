package org.certcheck.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.certcheck.finding.Finding;
import org.certcheck.finding.Printable;
import org.certcheck.revocation.CrlHealth;

/**
 * The CRL health block under the table: a count, then one line per issuing CA whose CRLs are not
 * OK, with the worst finding (the JSON {@code cas} section has them all). Said once for the run,
 * not on each row the CA issued for.
 *
 * <pre>
 * CRLs of 2 issuing CAs: 1 fail, 0 warn
 *   FAIL  CN=Test Issuing CA,O=Test Corp (key 1a2b3c4d): the CRL http://crl.corp/issuing.crl is stale: ...
 * </pre>
 */
final class CaFooter {
    private static final String INDENT = "  ";

    private CaFooter() {
    }

    /** Empty when no CA's CRL was checked; otherwise the block, each line wrapped to {@code width} (0: no wrap). */
    static List<String> lines(List<CrlHealth> cas, int width) {
        if (cas.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        long failed = cas.stream().filter(ca -> Status.of(ca.findings()) == Status.FAIL).count();
        long warned = cas.stream().filter(ca -> Status.of(ca.findings()) == Status.WARN).count();
        lines.add("CRLs of " + cas.size() + (cas.size() == 1 ? " issuing CA: " : " issuing CAs: ") + failed + " fail, "
                + warned + " warn");
        for (CrlHealth ca : cas) {
            Status status = Status.of(ca.findings());
            if (status == Status.PASS) {
                continue;
            }
            Finding worst = ca.findings().stream().max(Comparator.comparing(Finding::severity)).orElseThrow();
            int more = ca.findings().size() - 1;
            String text = Printable.printable(ca.subject() + " (key "
                    + ca.shortKeyId() + "): " + worst.message()
                    + (more == 0 ? "" : " (and " + more + " more: see the JSON report's cas section)"));
            String head = INDENT + status.name() + "  ";
            List<String> wrapped = WordWrap.wrap(text, width == 0 ? 0 : Math.max(20, width - head.length()));
            lines.add(head + wrapped.get(0));
            wrapped.subList(1, wrapped.size()).forEach(part -> lines.add(INDENT + part));
        }
        return lines;
    }
}
