package org.certcheck.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.certcheck.validate.Finding;

/**
 * The markdown report of a run: totals beside the reference figures of the shared README, then the
 * wrong answers grouped by id prefix with examples and the findings certcheck gave, so each group
 * can be diagnosed without rerunning anything.
 */
final class LimboReport {
    /** Examples listed per group. */
    private static final int EXAMPLES = 5;
    /** Further ids named per group, without details. */
    private static final int MORE_IDS = 25;
    /** Finding messages are cut here: a message can list dozens of subjectAltNames. */
    private static final int MESSAGE_LIMIT = 300;

    private LimboReport() {
    }

    static String render(LimboScore score, String suite) {
        StringBuilder out = new StringBuilder();
        out.append("# certcheck on x509-limbo\n\n");
        out.append("Suite: `").append(suite).append("` (x509-limbo, see `../shared/conformance/README.md`). ")
                .append(score.results().size()).append(" SERVER testcases judged, ").append(score.clientCases())
                .append(" CLIENT testcases skipped.\n\n");
        totals(out, score);
        method(out, score);
        crashes(out, score);
        wrong(out, score, CaseResult.Outcome.WRONG_ACCEPT, "Wrong accepts (limbo expects FAILURE, certcheck passed)");
        wrong(out, score, CaseResult.Outcome.WRONG_REJECT, "Wrong rejects (limbo expects SUCCESS, certcheck failed)");
        features(out, score);
        timing(out, score);
        return out.toString();
    }

    private static void totals(StringBuilder out, LimboScore score) {
        out.append("## Totals\n\n");
        out.append("| validator | correct | wrong-accept | wrong-reject | crashes |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        out.append(String.format(Locale.ROOT, "| **certcheck Validator** | **%,d** | **%,d** | **%,d** | **%,d** |\n",
                score.count(CaseResult.Outcome.CORRECT), score.count(CaseResult.Outcome.WRONG_ACCEPT),
                score.count(CaseResult.Outcome.WRONG_REJECT), score.count(CaseResult.Outcome.CRASH)));
        // Quoted from ../shared/conformance/README.md (OpenJDK 17.0.15, Bouncy Castle 1.87, same suite).
        out.append("| JSSE PKIX trust manager + HTTPS endpoint identification | 9,500 | 186 | 84 | |\n");
        out.append("| JDK CertPathBuilder + JDK hostname matcher | 9,498 | 190 | 82 | |\n");
        out.append("| Bouncy Castle CertPathBuilder + JDK hostname matcher | 9,524 | 245 | 1 | |\n\n");
        out.append(String.format(Locale.ROOT, "On limbo's own %d cases (ids not starting with `bettertls::`) certcheck"
                        + " gets %d right; the three above get 116-118 (figures from the shared README).\n\n",
                score.count(LimboScore::limboOwn),
                score.count(result -> LimboScore.limboOwn(result) && result.outcome() == CaseResult.Outcome.CORRECT)));
    }

    private static void method(StringBuilder out, LimboScore score) {
        out.append("How the cases are judged: chain = peer certificate + `untrusted_intermediates`; anchors = ")
                .append("`trusted_certs` only; time = `validation_time` (or the time of the run); target = ")
                .append("`expected_peer_name` when DNS or IP, otherwise host findings are left out; warn and crit ")
                .append("days 0. Accepted when no finding is FAIL or UNKNOWN. Not passed on, as certcheck has no such ")
                .append("input: `max_chain_depth`, `crls`, a required `key_usage`.\n\n");
        List<CaseResult> unparsable = score.results().stream().filter(result -> result.unparsable().isPresent())
                .toList();
        if (!unparsable.isEmpty()) {
            out.append(unparsable.size()).append(" case(s) were rejected without running the validator because the")
                    .append(" JDK cannot parse one of their certificates, as a TLS handshake would fail:\n\n");
            unparsable.forEach(result -> out.append("- `").append(result.id()).append("` (expected ")
                    .append(result.expectSuccess() ? "SUCCESS" : "FAILURE").append("): ")
                    .append(cut(result.unparsable().orElseThrow())).append('\n'));
            out.append('\n');
        }
    }

    private static void crashes(StringBuilder out, LimboScore score) {
        List<CaseResult> crashed = score.with(CaseResult.Outcome.CRASH);
        out.append("## Crashes (the validator threw)\n\n");
        if (crashed.isEmpty()) {
            out.append("None.\n\n");
            return;
        }
        for (CaseResult result : crashed) {
            out.append("- `").append(result.id()).append("`: ").append(result.crash().orElseThrow()).append('\n');
        }
        out.append('\n');
    }

    private static void wrong(StringBuilder out, LimboScore score, CaseResult.Outcome outcome, String title) {
        List<CaseResult> wrong = score.with(outcome);
        out.append("## ").append(title).append(": ").append(wrong.size()).append("\n\n");
        if (wrong.isEmpty()) {
            return;
        }
        Map<String, Long> casesPerBucket = score.results().stream()
                .collect(Collectors.groupingBy(CaseResult::bucket, Collectors.counting()));
        Map<String, List<CaseResult>> buckets = byCountDescending(wrong, CaseResult::bucket);
        out.append("| group | wrong | of cases | certcheck's findings |\n|---|---:|---:|---|\n");
        buckets.forEach((bucket, results) -> out.append("| ").append(bucket).append(" | ").append(results.size())
                .append(" | ").append(casesPerBucket.get(bucket)).append(" | ").append(codeCounts(results))
                .append(" |\n"));
        out.append('\n');
        buckets.forEach((bucket, results) -> {
            out.append("### ").append(bucket).append(" (").append(results.size()).append(")\n\n");
            results.stream().limit(EXAMPLES).forEach(result -> example(out, result));
            if (results.size() > EXAMPLES) {
                out.append("- also: ").append(results.stream().skip(EXAMPLES).limit(MORE_IDS)
                        .map(result -> "`" + result.id() + "`").collect(Collectors.joining(", ")));
                out.append(results.size() > EXAMPLES + MORE_IDS
                        ? " and " + (results.size() - EXAMPLES - MORE_IDS) + " more\n" : "\n");
            }
            out.append('\n');
        });
    }

    private static void example(StringBuilder out, CaseResult result) {
        out.append("- `").append(result.id()).append('`');
        if (!result.features().isEmpty()) {
            out.append(" [").append(String.join(", ", result.features())).append(']');
        }
        if (!result.id().startsWith("bettertls::") && !result.description().isEmpty()) {
            out.append(": ").append(cut(result.description()));
        }
        out.append('\n');
        if (result.unparsable().isPresent()) {
            out.append("  - unparsable certificate: ").append(cut(result.unparsable().get())).append('\n');
        } else if (result.findings().isEmpty()) {
            out.append("  - no findings (peer name ").append(result.peerKind()).append(")\n");
        }
        for (Finding finding : result.findings()) {
            out.append("  - ").append(finding.severity()).append(' ').append(finding.code().code()).append(": ")
                    .append(cut(finding.message())).append('\n');
        }
    }

    /** E.g. {@code chain.name-constraints ×120, host.mismatch ×3}; "none" for acceptances without findings. */
    private static String codeCounts(List<CaseResult> results) {
        Map<String, Long> counts = new TreeMap<>();
        for (CaseResult result : results) {
            List<String> codes = result.outcome() == CaseResult.Outcome.WRONG_ACCEPT
                    ? result.findings().stream().map(finding -> finding.code().code()).distinct().toList()
                    : result.rejectedFor();
            (codes.isEmpty() ? List.of("none") : codes).forEach(code -> counts.merge(code, 1L, Long::sum));
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> entry.getKey() + " ×" + entry.getValue()).collect(Collectors.joining(", "));
    }

    private static void features(StringBuilder out, LimboScore score) {
        Map<String, List<CaseResult>> byFeature = new TreeMap<>();
        score.results().forEach(result -> result.features()
                .forEach(feature -> byFeature.computeIfAbsent(feature, f -> new ArrayList<>()).add(result)));
        out.append("## By limbo feature tag\n\n");
        out.append("| feature | cases | correct | wrong-accept | wrong-reject | crashes |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        byFeature.forEach((feature, results) -> out.append(String.format(Locale.ROOT,
                "| %s | %d | %d | %d | %d | %d |\n", feature, results.size(),
                count(results, CaseResult.Outcome.CORRECT), count(results, CaseResult.Outcome.WRONG_ACCEPT),
                count(results, CaseResult.Outcome.WRONG_REJECT), count(results, CaseResult.Outcome.CRASH))));
        out.append('\n');
    }

    private static void timing(StringBuilder out, LimboScore score) {
        out.append("## Time\n\n");
        out.append(String.format(Locale.ROOT, "%.1f s for the run, reading the file included. Slowest cases:\n\n",
                score.elapsed().toMillis() / 1000.0));
        score.slowest(5).forEach(result -> out.append(String.format(Locale.ROOT, "- `%s`: %.0f ms\n",
                result.id(), result.nanos() / 1e6)));
    }

    private static long count(List<CaseResult> results, CaseResult.Outcome outcome) {
        return results.stream().filter(result -> result.outcome() == outcome).count();
    }

    /** Groups largest first, ties by name. */
    private static Map<String, List<CaseResult>> byCountDescending(List<CaseResult> results,
                                                                   Function<CaseResult, String> key) {
        Map<String, List<CaseResult>> grouped = results.stream().collect(Collectors.groupingBy(key));
        Map<String, List<CaseResult>> ordered = new LinkedHashMap<>();
        grouped.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<CaseResult>>>comparingInt(entry -> -entry.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        return ordered;
    }

    /** One line, at most {@link #MESSAGE_LIMIT} characters, nothing that breaks a markdown table. */
    private static String cut(String text) {
        String line = text.replace('\n', ' ').replace("|", "\\|");
        return line.length() <= MESSAGE_LIMIT ? line : line.substring(0, MESSAGE_LIMIT) + "...";
    }
}
