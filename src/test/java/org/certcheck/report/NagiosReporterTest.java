package org.certcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;

import org.certcheck.validate.Policy;
import org.junit.jupiter.api.Test;

class NagiosReporterTest {
    private final ReportFixtures fixtures = new ReportFixtures();

    @Test
    void statusLineWithPerfdataThenOneLinePerTargetThatDidNotPass() throws IOException {
        assertThat(render(fixtures.report())).isEqualTo("""
                CERTCHECK CRITICAL - 4 checked: 1 pass, 1 warn, 1 fail, 1 unknown | 'www.corp.test:443'=89;30:;7: \
                'old.corp.test:443'=-3;30:;7: 'soon.corp.test:8443'=12;30:;7:
                FAIL old.corp.test:443: expired 3 days ago (notAfter 2026-11-20 12:00 UTC): renew it; not valid for \
                old.corp.test: the certificate names DNS:new.corp.test
                WARN soon.corp.test:8443: expires in 12 days (notAfter 2026-12-05 12:00 UTC, --warn-days 30): renew it soon
                UNKNOWN down.corp.test:443: connection refused by 10.0.0.7:443: is the service running on this port?
                """);
    }

    @Test
    void stateIsTheWorstOfFailUnknownWarnInThatOrder() {
        assertThat(NagiosReporter.State.of(fixtures.report())).isEqualTo(NagiosReporter.State.CRITICAL);
        assertThat(NagiosReporter.State.of(ReportFixtures.reportOf(fixtures.warn(), ReportFixtures.unknown())))
                .isEqualTo(NagiosReporter.State.UNKNOWN);
        assertThat(NagiosReporter.State.of(ReportFixtures.reportOf(fixtures.pass(), fixtures.warn())))
                .isEqualTo(NagiosReporter.State.WARNING);
        assertThat(NagiosReporter.State.of(ReportFixtures.reportOf(fixtures.pass())))
                .isEqualTo(NagiosReporter.State.OK);
        assertThat(NagiosReporter.State.CRITICAL.exitCode()).isEqualTo(2);
    }

    @Test
    void aPipeInTextCannotStartPerfdataAndQuotesInLabelsAreDoubled() throws IOException {
        Verdict odd = new Verdict("it's|odd:443", "hosts.txt:1", Status.WARN, fixtures.warn().findings(),
                fixtures.warn().connection(), fixtures.warn().chain(), fixtures.warn().path(), fixtures.warn().anchor(),
                fixtures.warn().elapsed());

        String[] lines = render(ReportFixtures.reportOf(odd)).split("\n");

        assertThat(lines[0]).endsWith("| 'it''s/odd:443'=12;30:;7:");
        assertThat(lines[1]).startsWith("WARN it's/odd:443: ");
    }

    private static String render(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new NagiosReporter(new Policy(30, 7)).write(report, out);
        return out.toString();
    }
}
