package org.certcheck.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.certcheck.finding.Finding;
import org.certcheck.finding.Printable;
import org.certcheck.revocation.CrlHealth;

/**
 * The report in the Prometheus text exposition format (version 0.0.4), for node_exporter's textfile
 * collector: write it to {@code <dir>/certcheck.prom} and every scrape carries the last run.
 *
 * <p>Names follow the Prometheus conventions ({@code promtool check metrics} is clean): a
 * {@code certcheck_} prefix, base units (seconds, never days), {@code _timestamp_seconds} for Unix
 * times, and gauges only, since every value is "as of the last run". Per target, labelled
 * {@code target="host:port"}:
 * <ul>
 * <li>{@code certcheck_target_status{status}}: 1 for the target's status, 0 for the other three;</li>
 * <li>{@code certcheck_target_check_success}: 1 when the target passed (PASS, or WARN without
 *     {@code --fail-on warn}), 0 when it failed or could not be checked;</li>
 * <li>{@code certcheck_target_findings{code}}: how many findings of each code it has (codes are a
 *     fixed, documented set);</li>
 * <li>{@code certcheck_target_check_duration_seconds};</li>
 * <li>when a certificate was seen: {@code certcheck_certificate_info{subject,issuer,serial,fingerprint_sha256}}
 *     (always 1: the "info metric" pattern, so the identity labels live on one series and change
 *     only when the certificate is replaced), {@code certcheck_certificate_not_after_timestamp_seconds},
 *     {@code certcheck_certificate_not_before_timestamp_seconds} and
 *     {@code certcheck_certificate_expires_in_seconds} (negative once expired; divide by 86400 for
 *     days).</li>
 * </ul>
 * and for the run: {@code certcheck_targets{status}} and {@code certcheck_last_run_timestamp_seconds}.
 * The CRL health of each issuing CA (docs/crl-health.md), labelled {@code ca} (its subject) and
 * {@code key_id}: {@code certcheck_ca_status{status}}, {@code certcheck_ca_findings{code}}, and per CRL
 * URL ({@code url}) {@code certcheck_crl_reachable}, {@code certcheck_crl_this_update_timestamp_seconds},
 * {@code certcheck_crl_next_update_timestamp_seconds} (when the CRL has one), {@code certcheck_crl_size_bytes}
 * and {@code certcheck_crl_entries}: alert on {@code certcheck_crl_next_update_timestamp_seconds - time()}.
 * A target appears once (the first row wins if the list had the same text twice), so series never
 * collide. Label values pass through {@link Printable} and are escaped as the format requires
 * (backslash, quote, newline).
 */
public final class PrometheusReporter implements Reporter {
    private final boolean failOnWarn;

    /** @param failOnWarn {@code --fail-on warn}: a warning is not a success, as for the exit code */
    public PrometheusReporter(boolean failOnWarn) {
        this.failOnWarn = failOnWarn;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        List<Verdict> targets = unique(report.verdicts());
        Instant checkedAt = report.checkedAt();
        family(out, "certcheck_last_run_timestamp_seconds", "When certcheck last judged the certificates (Unix time).");
        sample(out, "certcheck_last_run_timestamp_seconds", Map.of(), seconds(checkedAt));
        family(out, "certcheck_targets", "Targets in the last run, by status.");
        for (Map.Entry<Status, Integer> count : report.countByStatus().entrySet()) {
            sample(out, "certcheck_targets", Map.of("status", label(count.getKey())), count.getValue().toString());
        }
        family(out, "certcheck_target_status", "Status of each target: 1 for its status, 0 for the others.");
        for (Verdict verdict : targets) {
            for (Status status : Status.values()) {
                sample(out, "certcheck_target_status", labels(verdict, "status", label(status)),
                        verdict.status() == status ? "1" : "0");
            }
        }
        perTarget(out, targets, "certcheck_target_check_success",
                "1 when the target passed the check (PASS, or WARN without --fail-on warn), else 0.",
                verdict -> passed(verdict) ? "1" : "0");
        family(out, "certcheck_target_findings", "Findings of each code on the target (codes: see the README).");
        for (Verdict verdict : targets) {
            Map<String, Integer> codes = new LinkedHashMap<>();
            for (Finding finding : verdict.findings()) {
                codes.merge(finding.code().code(), 1, Integer::sum);
            }
            for (Map.Entry<String, Integer> code : codes.entrySet()) {
                sample(out, "certcheck_target_findings", labels(verdict, "code", code.getKey()),
                        code.getValue().toString());
            }
        }
        perTarget(out, targets, "certcheck_target_check_duration_seconds", "Time spent checking the target.",
                verdict -> String.format(Locale.ROOT, "%.3f", verdict.elapsed().toNanos() / 1e9));
        keyExchange(out, targets);
        List<Verdict> seen = targets.stream().filter(verdict -> verdict.leaf().isPresent()).toList();
        family(out, "certcheck_certificate_info", "The leaf certificate the target served; the value is always 1.");
        for (Verdict verdict : seen) {
            CertificateFacts leaf = verdict.leaf().orElseThrow();
            Map<String, String> labels = new LinkedHashMap<>(labels(verdict));
            labels.put("subject", leaf.subject());
            labels.put("issuer", leaf.issuer());
            labels.put("serial", leaf.serialNumber());
            labels.put("fingerprint_sha256", leaf.sha256Fingerprint());
            sample(out, "certcheck_certificate_info", labels, "1");
        }
        perTarget(out, seen, "certcheck_certificate_not_after_timestamp_seconds",
                "End of the leaf certificate's validity (Unix time).", v -> seconds(v.leaf().orElseThrow().notAfter()));
        perTarget(out, seen, "certcheck_certificate_not_before_timestamp_seconds",
                "Start of the leaf certificate's validity (Unix time).", v -> seconds(v.leaf().orElseThrow().notBefore()));
        perTarget(out, seen, "certcheck_certificate_expires_in_seconds",
                "Seconds from the last run to the leaf's notAfter; negative once expired.",
                v -> Long.toString(java.time.Duration.between(checkedAt, v.leaf().orElseThrow().notAfter()).getSeconds()));
        crlHealth(out, report.cas());
        out.flush();
    }

    /** Each issuing CA's CRL health, once per CA and URL (the JSON report's {@code cas}). */
    private static void crlHealth(Writer out, List<CrlHealth> cas) throws IOException {
        if (cas.isEmpty()) {
            return;
        }
        family(out, "certcheck_ca_status", "CRL health of each issuing CA: 1 for its status, 0 for the others.");
        for (CrlHealth ca : cas) {
            Status status = Status.of(ca.findings());
            for (Status each : Status.values()) {
                sample(out, "certcheck_ca_status", caLabels(ca, "status", label(each)), each == status ? "1" : "0");
            }
        }
        family(out, "certcheck_ca_findings", "CRL health findings of each code on the issuing CA.");
        for (CrlHealth ca : cas) {
            Map<String, Integer> codes = new LinkedHashMap<>();
            ca.findings().forEach(finding -> codes.merge(finding.code().code(), 1, Integer::sum));
            for (Map.Entry<String, Integer> code : codes.entrySet()) {
                sample(out, "certcheck_ca_findings", caLabels(ca, "code", code.getKey()), code.getValue().toString());
            }
        }
        perCrl(out, cas, "certcheck_crl_reachable", "1 when the CRL could be downloaded in the last run, else 0.",
                published -> Optional.of(published.crl().isPresent() ? "1" : "0"));
        perCrl(out, cas, "certcheck_crl_this_update_timestamp_seconds", "The CRL's thisUpdate (Unix time).",
                published -> published.crl().map(crl -> seconds(crl.thisUpdate())));
        perCrl(out, cas, "certcheck_crl_next_update_timestamp_seconds",
                "The CRL's nextUpdate (Unix time): clients that check it reject the CA's certificates after it.",
                published -> published.crl().flatMap(CrlHealth.Facts::nextUpdate).map(PrometheusReporter::seconds));
        perCrl(out, cas, "certcheck_crl_size_bytes", "Size of the CRL's DER encoding.",
                published -> published.crl().map(crl -> Integer.toString(crl.bytes())));
        perCrl(out, cas, "certcheck_crl_entries", "Revoked certificates the CRL lists.",
                published -> published.crl().map(crl -> Integer.toString(crl.entries())));
    }

    private static void perCrl(Writer out, List<CrlHealth> cas, String name, String help,
            Function<CrlHealth.Published, Optional<String>> value) throws IOException {
        family(out, name, help);
        Set<String> seen = new HashSet<>();
        for (CrlHealth ca : cas) {
            for (CrlHealth.Published published : ca.crls()) {
                Optional<String> sampled = value.apply(published);
                if (sampled.isPresent() && seen.add(ca.keyId() + " " + published.url())) {
                    sample(out, name, caLabels(ca, "url", published.url()), sampled.get());
                }
            }
        }
    }

    private static Map<String, String> caLabels(CrlHealth ca, String name, String value) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("ca", ca.subject());
        labels.put("key_id", ca.keyId());
        labels.put(name, value);
        return labels;
    }

    /** The group of each target's key exchange, and how many hosts used a post-quantum one (issue 15). */
    private static void keyExchange(Writer out, List<Verdict> targets) throws IOException {
        PostQuantumShare share = PostQuantumShare.of(targets);
        if (share.reached() == 0) {
            return; // a replayed report: nothing is known of the connections' cryptography
        }
        family(out, "certcheck_target_key_exchange_info",
                "The key exchange group the target chose; the value is always 1.");
        for (Verdict verdict : targets) {
            Optional<CryptoPosture> posture = verdict.connection().flatMap(Connection::posture);
            if (posture.isPresent() && posture.get().keyExchange().isPresent()) {
                Map<String, String> labels = new LinkedHashMap<>(labels(verdict));
                labels.put("group", posture.get().keyExchange().get());
                labels.put("post_quantum", posture.get().postQuantum() ? "true" : "false");
                labels.put("engine", posture.get().engine().split(" ", 2)[0]);
                sample(out, "certcheck_target_key_exchange_info", labels, "1");
            }
        }
        family(out, "certcheck_post_quantum_hosts", "Hosts of the last run that used a post-quantum key exchange.");
        sample(out, "certcheck_post_quantum_hosts", Map.of(), Integer.toString(share.postQuantum()));
        family(out, "certcheck_reached_hosts", "Hosts of the last run that completed a handshake.");
        sample(out, "certcheck_reached_hosts", Map.of(), Integer.toString(share.reached()));
    }

    private boolean passed(Verdict verdict) {
        return verdict.status() == Status.PASS || (verdict.status() == Status.WARN && !failOnWarn);
    }

    private static void perTarget(Writer out, List<Verdict> targets, String name, String help,
            Function<Verdict, String> value) throws IOException {
        family(out, name, help);
        for (Verdict verdict : targets) {
            sample(out, name, labels(verdict), value.apply(verdict));
        }
    }

    private static List<Verdict> unique(List<Verdict> verdicts) {
        Set<String> seen = new HashSet<>();
        List<Verdict> unique = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            if (seen.add(verdict.target())) {
                unique.add(verdict);
            }
        }
        return unique;
    }

    private static Map<String, String> labels(Verdict verdict) {
        return Map.of("target", verdict.target());
    }

    private static Map<String, String> labels(Verdict verdict, String name, String value) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("target", verdict.target());
        labels.put(name, value);
        return labels;
    }

    private static String label(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static void family(Writer out, String name, String help) throws IOException {
        out.write("# HELP " + name + " " + help + "\n");
        out.write("# TYPE " + name + " gauge\n");
    }

    private static void sample(Writer out, String name, Map<String, String> labels, String value) throws IOException {
        StringBuilder line = new StringBuilder(name);
        if (!labels.isEmpty()) {
            line.append('{');
            String separator = "";
            for (Map.Entry<String, String> label : labels.entrySet()) {
                line.append(separator).append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
                separator = ",";
            }
            line.append('}');
        }
        out.write(line.append(' ').append(value).append('\n').toString());
    }

    /** The exposition format escapes backslash, double quote and line feed in label values. */
    private static String escape(String value) {
        return Printable.printable(value).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Unix seconds; a fraction only when the instant has one. */
    private static String seconds(Instant instant) {
        if (instant.getNano() == 0) {
            return Long.toString(instant.getEpochSecond());
        }
        return java.math.BigDecimal.valueOf(instant.getEpochSecond())
                .add(java.math.BigDecimal.valueOf(instant.getNano(), 9)).stripTrailingZeros().toPlainString();
    }
}
