package org.certcheck.report;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Printable;
import org.certcheck.finding.Severity;
import org.certcheck.testing.ExternalTool;
import org.certcheck.testing.PrometheusText;
import org.certcheck.testing.PrometheusText.Sample;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusReporterTest {
    private final ReportFixtures fixtures = new ReportFixtures();

    @Test
    void runAndPerTargetSeriesInTheTextFormat() throws IOException {
        String text = render(ReportFixtures.reportOf(fixtures.fail(), ReportFixtures.unknown()), false);

        assertThat(text).isEqualTo("""
                # HELP certcheck_last_run_timestamp_seconds When certcheck last judged the certificates (Unix time).
                # TYPE certcheck_last_run_timestamp_seconds gauge
                certcheck_last_run_timestamp_seconds 1795435200
                # HELP certcheck_targets Targets in the last run, by status.
                # TYPE certcheck_targets gauge
                certcheck_targets{status="pass"} 0
                certcheck_targets{status="warn"} 0
                certcheck_targets{status="fail"} 1
                certcheck_targets{status="unknown"} 1
                # HELP certcheck_target_status Status of each target: 1 for its status, 0 for the others.
                # TYPE certcheck_target_status gauge
                certcheck_target_status{target="old.corp.test:443",status="pass"} 0
                certcheck_target_status{target="old.corp.test:443",status="warn"} 0
                certcheck_target_status{target="old.corp.test:443",status="fail"} 1
                certcheck_target_status{target="old.corp.test:443",status="unknown"} 0
                certcheck_target_status{target="down.corp.test:443",status="pass"} 0
                certcheck_target_status{target="down.corp.test:443",status="warn"} 0
                certcheck_target_status{target="down.corp.test:443",status="fail"} 0
                certcheck_target_status{target="down.corp.test:443",status="unknown"} 1
                # HELP certcheck_target_check_success 1 when the target passed the check (PASS, or WARN without \
                --fail-on warn), else 0.
                # TYPE certcheck_target_check_success gauge
                certcheck_target_check_success{target="old.corp.test:443"} 0
                certcheck_target_check_success{target="down.corp.test:443"} 0
                # HELP certcheck_target_findings Findings of each code on the target (codes: see the README).
                # TYPE certcheck_target_findings gauge
                certcheck_target_findings{target="old.corp.test:443",code="cert.expired"} 1
                certcheck_target_findings{target="old.corp.test:443",code="host.mismatch"} 1
                certcheck_target_findings{target="down.corp.test:443",code="probe.refused"} 1
                # HELP certcheck_target_check_duration_seconds Time spent checking the target.
                # TYPE certcheck_target_check_duration_seconds gauge
                certcheck_target_check_duration_seconds{target="old.corp.test:443"} 0.041
                certcheck_target_check_duration_seconds{target="down.corp.test:443"} 0.003
                # HELP certcheck_certificate_info The leaf certificate the target served; the value is always 1.
                # TYPE certcheck_certificate_info gauge
                certcheck_certificate_info{target="old.corp.test:443",subject="CN=old.corp.test",\
                issuer="CN=Corp Intermediate CA",serial="%s",fingerprint_sha256="%s"} 1
                # HELP certcheck_certificate_not_after_timestamp_seconds End of the leaf certificate's validity \
                (Unix time).
                # TYPE certcheck_certificate_not_after_timestamp_seconds gauge
                certcheck_certificate_not_after_timestamp_seconds{target="old.corp.test:443"} 1795176000
                # HELP certcheck_certificate_not_before_timestamp_seconds Start of the leaf certificate's validity \
                (Unix time).
                # TYPE certcheck_certificate_not_before_timestamp_seconds gauge
                certcheck_certificate_not_before_timestamp_seconds{target="old.corp.test:443"} 1787400000
                # HELP certcheck_certificate_expires_in_seconds Seconds from the last run to the leaf's notAfter; \
                negative once expired.
                # TYPE certcheck_certificate_expires_in_seconds gauge
                certcheck_certificate_expires_in_seconds{target="old.corp.test:443"} -259200
                """.formatted(fixtures.expiredLeaf.serialNumber(), fixtures.expiredLeaf.sha256Fingerprint()));
    }

    @Test
    void promtoolFindsNothingToCriticise() throws Exception {
        ExternalTool.Outcome lint = PrometheusText.lint(render(fixtures.report(), false));

        assertThat(lint.out() + lint.err()).isEmpty();
        assertThat(lint.exitCode()).isZero();
    }

    @Test
    void theOfficialClientParsesBackEveryValue() throws Exception {
        List<Sample> samples = PrometheusText.parse(render(fixtures.report(), false));

        assertThat(samples).allSatisfy(sample -> assertThat(sample.type()).isEqualTo("gauge"));
        assertThat(value(samples, "certcheck_last_run_timestamp_seconds", Map.of()))
                .isEqualTo(ReportFixtures.CHECKED_AT.getEpochSecond());
        assertThat(value(samples, "certcheck_certificate_expires_in_seconds", Map.of("target", "www.corp.test:443")))
                .isEqualTo(Duration.ofHours(89 * 24 + 12).toSeconds());
        assertThat(value(samples, "certcheck_target_check_success", Map.of("target", "soon.corp.test:8443")))
                .isEqualTo(1);
        assertThat(value(samples, "certcheck_target_status", Map.of("target", "down.corp.test:443",
                "status", "unknown"))).isEqualTo(1);
        assertThat(value(samples, "certcheck_targets", Map.of("status", "pass"))).isEqualTo(1);
        assertThat(samples).filteredOn(s -> s.name().equals("certcheck_certificate_info")).extracting(Sample::labels)
                .contains(Map.of("target", "www.corp.test:443", "subject", "CN=www.corp.test",
                        "issuer", "CN=Corp Intermediate CA", "serial", "1A2B3C",
                        "fingerprint_sha256", fixtures.wwwLeaf.sha256Fingerprint()));
        assertThat(samples).filteredOn(s -> s.name().equals("certcheck_certificate_not_after_timestamp_seconds"))
                .hasSize(3);
    }

    @Test
    void withFailOnWarnAWarningIsNotASuccess() throws Exception {
        List<Sample> samples = PrometheusText.parse(render(fixtures.report(), true));

        assertThat(value(samples, "certcheck_target_check_success", Map.of("target", "soon.corp.test:8443")))
                .isZero();
    }

    @Test
    void hostileLabelValuesAreEscapedAndTheSameTargetTwiceIsOneSeries() throws Exception {
        String hostile = "a\"b\\c\nd\u001b[2J}";
        Verdict verdict = new Verdict(hostile, "hosts.txt:1", Status.UNKNOWN,
                List.of(Finding.of(FindingCode.INPUT_MALFORMED, Severity.UNKNOWN, "bad line")), Optional.empty(),
                List.of(), List.of(), Optional.empty(), Duration.ZERO);
        Verdict again = new Verdict(hostile, "hosts.txt:2", Status.UNKNOWN, verdict.findings(), Optional.empty(),
                List.of(), List.of(), Optional.empty(), Duration.ZERO);
        String text = render(ReportFixtures.reportOf(verdict, again), false);

        ExternalTool.Outcome lint = PrometheusText.lint(text);
        assertThat(lint.exitCode()).as(lint.out() + lint.err()).isZero();
        List<Sample> samples = PrometheusText.parse(text);
        assertThat(samples).filteredOn(s -> s.name().equals("certcheck_target_check_success"))
                .extracting(s -> s.labels().get("target")).containsExactly(Printable.printable(hostile));
        assertThat(value(samples, "certcheck_targets", Map.of("status", "unknown"))).isEqualTo(2);
    }

    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + labels + " in " + samples))
                .value();
    }

    private static String render(Report report, boolean failOnWarn) throws IOException {
        StringWriter out = new StringWriter();
        new PrometheusReporter(failOnWarn).write(report, out);
        return out.toString();
    }
}
