package org.certcheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.certcheck.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself, on a three-case suite written in limbo's format: no 41 MB file needed. */
class LimboJudgeTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final TestPki pki = new TestPki(NOW);
    private final String leafPem = pki.leaf("www.corp.test").build().certificatePem();

    @Test
    void judgesEachServerCaseAgainstItsExpectation(@TempDir Path dir) throws IOException {
        Path suite = write(dir, List.of(
                testcase("ok", "SUCCESS", Map.of("kind", "DNS", "value", "www.corp.test")),
                testcase("wrong-name", "FAILURE", Map.of("kind", "DNS", "value", "other.corp.test")),
                // An e-mail peer name is no host to check: the host findings must not decide.
                testcase("email-peer", "SUCCESS", Map.of("kind", "RFC822", "value", "me@corp.test"))));

        List<CaseResult> results = new ArrayList<>();
        LimboJudge judge = new LimboJudge(NOW);
        LimboSuite.forEachCase(suite, testcase -> results.add(judge.judge(testcase)));

        assertThat(results).extracting(CaseResult::id, CaseResult::outcome).containsExactly(
                tuple("ok", CaseResult.Outcome.CORRECT),
                tuple("wrong-name", CaseResult.Outcome.CORRECT),
                tuple("email-peer", CaseResult.Outcome.CORRECT));
        assertThat(results.get(1).rejectedFor()).containsExactly("host.mismatch");
    }

    @Test
    void unparsableCertificateIsARejectionNotACrash(@TempDir Path dir) throws IOException {
        Map<String, Object> broken = testcase("broken", "SUCCESS", Map.of("kind", "DNS", "value", "www.corp.test"));
        broken.put("peer_certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        List<CaseResult> results = new ArrayList<>();
        LimboJudge judge = new LimboJudge(NOW);
        LimboSuite.forEachCase(write(dir, List.of(broken)), testcase -> results.add(judge.judge(testcase)));

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(CaseResult.Outcome.WRONG_REJECT);
            assertThat(result.rejectedFor()).containsExactly("unparsable certificate");
        });
    }

    private Map<String, Object> testcase(String id, String expected, Map<String, String> peerName) {
        Map<String, Object> testcase = new LinkedHashMap<>();
        testcase.put("id", id);
        testcase.put("features", List.of());
        testcase.put("description", "a test");
        testcase.put("validation_kind", "SERVER");
        testcase.put("trusted_certs", List.of(pki.root.certificatePem()));
        testcase.put("untrusted_intermediates", List.of(pki.intermediate.certificatePem()));
        testcase.put("peer_certificate", leafPem);
        testcase.put("validation_time", NOW.toString());
        testcase.put("expected_result", expected);
        testcase.put("expected_peer_name", peerName);
        testcase.put("max_chain_depth", null);
        return testcase;
    }

    private static Path write(Path dir, List<Map<String, Object>> testcases) throws IOException {
        Path file = dir.resolve("limbo.json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(Map.of("version", 1, "testcases", testcases)));
        return file;
    }
}
