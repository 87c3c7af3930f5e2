package org.certcheck.conformance;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.certcheck.report.Status;
import org.certcheck.validate.Finding;
import org.certcheck.validate.Severity;

/**
 * How certcheck did on one limbo testcase. Only what the report needs is kept (not the PEM text),
 * so the results of the whole suite fit in memory easily.
 *
 * @param id            the limbo id
 * @param features      limbo's feature tags
 * @param description   limbo's description, first paragraph
 * @param peerKind      DNS, IP, RFC822, or "none"
 * @param expectSuccess limbo expects the chain to be accepted
 * @param outcome       certcheck's verdict compared with limbo's expectation
 * @param findings      the findings the verdict was made from (host findings left out when there
 *                      was no name to check)
 * @param unparsable    why the JDK could not parse a certificate of the case, which is then
 *                      rejected without running the validator
 * @param crash         the exception the validator threw, with its top frames
 * @param nanos         time spent on the case
 */
record CaseResult(String id, List<String> features, String description, String peerKind, boolean expectSuccess,
                  Outcome outcome, List<Finding> findings, Optional<String> unparsable, Optional<String> crash,
                  long nanos) {

    enum Outcome {
        CORRECT, WRONG_ACCEPT, WRONG_REJECT, CRASH
    }

    CaseResult {
        Objects.requireNonNull(id, "id");
        features = List.copyOf(features);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(peerKind, "peerKind");
        Objects.requireNonNull(outcome, "outcome");
        findings = List.copyOf(findings);
        Objects.requireNonNull(unparsable, "unparsable");
        Objects.requireNonNull(crash, "crash");
    }

    /** Accepted when no finding is FAIL or UNKNOWN, as {@code certcheck check} decides. */
    static CaseResult judged(LimboCase testcase, List<Finding> findings, long nanos) {
        Status status = Status.of(findings);
        boolean accepted = status == Status.PASS || status == Status.WARN;
        Outcome outcome = accepted == testcase.expectSuccess() ? Outcome.CORRECT
                : accepted ? Outcome.WRONG_ACCEPT : Outcome.WRONG_REJECT;
        return of(testcase, outcome, findings, Optional.empty(), Optional.empty(), nanos);
    }

    /** Rejected before validation: a certificate of the case is not parsable X.509. */
    static CaseResult unparsable(LimboCase testcase, String why, long nanos) {
        Outcome outcome = testcase.expectSuccess() ? Outcome.WRONG_REJECT : Outcome.CORRECT;
        return of(testcase, outcome, List.of(), Optional.of(why), Optional.empty(), nanos);
    }

    static CaseResult crashed(LimboCase testcase, Throwable thrown, long nanos) {
        String frames = Arrays.stream(thrown.getStackTrace()).limit(6).map(StackTraceElement::toString)
                .collect(Collectors.joining(" <- "));
        return of(testcase, Outcome.CRASH, List.of(), Optional.empty(), Optional.of(thrown + " at " + frames), nanos);
    }

    private static CaseResult of(LimboCase testcase, Outcome outcome, List<Finding> findings,
                                 Optional<String> unparsable, Optional<String> crash, long nanos) {
        String peerKind = testcase.peerName().map(LimboCase.PeerName::kind).orElse("none");
        return new CaseResult(testcase.id(), testcase.features(), testcase.description(), peerKind,
                testcase.expectSuccess(), outcome, findings, unparsable, crash, nanos);
    }

    /**
     * The group a case is counted in: the first two parts of the id ({@code rfc5280::nc},
     * {@code webpki::san}) or the first for two-part ids ({@code pathlen}, {@code crl}); the BetterTLS
     * suites, thousands of numbered cases each, are further split by the kind of peer name.
     */
    String bucket() {
        String[] parts = id.split("::");
        String prefix = parts.length >= 3 ? parts[0] + "::" + parts[1] : parts[0];
        return parts[0].equals("bettertls") ? prefix + " (" + peerKind + " peer)" : prefix;
    }

    /** The FAIL/UNKNOWN findings that make a rejection, in validator order. */
    List<Finding> rejecting() {
        return findings.stream()
                .filter(finding -> finding.severity() == Severity.FAIL || finding.severity() == Severity.UNKNOWN)
                .toList();
    }

    /** What a rejection was for: the distinct finding codes, or "unparsable certificate". */
    List<String> rejectedFor() {
        if (unparsable.isPresent()) {
            return List.of("unparsable certificate");
        }
        return rejecting().stream().map(finding -> finding.code().code()).distinct().toList();
    }
}
