package org.certcheck.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certcheck.input.Target;
import org.certcheck.report.JsonReporter;
import org.certcheck.report.Report;
import org.certcheck.report.TableReporter;
import org.certcheck.report.TableStyle;
import org.certcheck.report.Verdict;
import org.certcheck.report.Verdicts;
import org.certcheck.testing.ChainInput;
import org.certcheck.tls.Handshake;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzed DER certificates and chains, as a server could send them, through the validator and both
 * reporters: whatever the bytes, a chain the JDK parses is judged without an exception, every
 * finding says something, and the table holds no raw control character. The inputs are laid out
 * as {@link ChainInput} describes; seeds (real chains with many kinds of defect) are in
 * {@code ValidatorFuzzTestInputs/}, written by {@code FuzzSeedsWriter}.
 */
class ValidatorFuzzTest {
    /** The instant the seed certificates were made around. */
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final List<Target> TARGETS = List.of(new Target("good.test", 443, "fuzz"),
            new Target("www.intranet.test", 8443, "fuzz"), new Target("10.0.0.1", 443, "fuzz"),
            new Target("2001:db8::1", 443, "fuzz"));

    @FuzzTest(maxDuration = "5m")
    void anyChainIsJudgedAndReportedWithoutAnException(byte[] input) throws Exception {
        ChainInput decoded = ChainInput.decode(input);
        List<X509Certificate> chain = new ArrayList<>(decoded.parsed());
        List<X509Certificate> anchors = new ArrayList<>();
        if (decoded.lastIsAnchor() && chain.size() > 1) {
            anchors.add(chain.remove(chain.size() - 1));
        }
        if (chain.isEmpty()) {
            return;
        }
        Target target = TARGETS.get(decoded.targetIndex());

        Assessment assessment = new Validator(new TrustAnchors(anchors, "fuzzed anchors"), Policy.DEFAULT)
                .assess(chain, target, NOW);

        assertThat(assessment.path().certificates()).isNotEmpty();
        assertThat(assessment.findings()).allSatisfy(finding -> assertThat(finding.message()).isNotBlank());
        Handshake handshake = new Handshake(target, new InetSocketAddress(InetAddress.getLoopbackAddress(), 443),
                chain, "TLSv1.3", "TLS_AES_128_GCM_SHA256", Optional.empty(), Duration.ZERO);
        Verdict verdict = Verdicts.of(handshake, assessment);
        Report report = new Report(NOW, "fuzzed anchors", List.of(verdict));
        StringWriter table = new StringWriter();
        new TableReporter(new TableStyle(false, true, 100)).write(report, new PrintWriter(table));
        new JsonReporter().write(report, new StringWriter());
        assertThat(table.toString().chars().filter(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f))))
                .as("raw control characters in\n%s", table).isEmpty();
    }
}
