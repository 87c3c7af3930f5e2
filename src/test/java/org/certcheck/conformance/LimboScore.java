package org.certcheck.conformance;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The results of one run over the suite.
 *
 * @param results     one per SERVER testcase, in suite order
 * @param clientCases CLIENT testcases skipped (out of scope for a server-certificate checker)
 * @param elapsed     wall time of the run, reading the file included
 */
record LimboScore(List<CaseResult> results, int clientCases, Duration elapsed) {
    LimboScore {
        results = List.copyOf(results);
    }

    long count(CaseResult.Outcome outcome) {
        return count(result -> result.outcome() == outcome);
    }

    long count(Predicate<CaseResult> which) {
        return results.stream().filter(which).count();
    }

    List<CaseResult> with(CaseResult.Outcome outcome) {
        return results.stream().filter(result -> result.outcome() == outcome).toList();
    }

    /** Limbo's own testcases, without the imported BetterTLS suites. */
    static boolean limboOwn(CaseResult result) {
        return !result.id().startsWith("bettertls::");
    }

    List<CaseResult> slowest(int n) {
        return results.stream().sorted(Comparator.comparingLong(CaseResult::nanos).reversed()).limit(n).toList();
    }

    /** One line for the build log. */
    String totals() {
        return String.format(Locale.ROOT,
                "x509-limbo: %d SERVER cases: %d correct, %d wrong-accept, %d wrong-reject, %d crashes"
                        + " (limbo's own: %d/%d correct) in %.1f s",
                results.size(), count(CaseResult.Outcome.CORRECT), count(CaseResult.Outcome.WRONG_ACCEPT),
                count(CaseResult.Outcome.WRONG_REJECT), count(CaseResult.Outcome.CRASH),
                count(result -> limboOwn(result) && result.outcome() == CaseResult.Outcome.CORRECT),
                count(LimboScore::limboOwn), elapsed.toMillis() / 1000.0);
    }
}
