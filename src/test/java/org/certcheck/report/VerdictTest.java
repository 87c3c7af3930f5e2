package org.certcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.certcheck.clients.ClientOutcome;
import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.junit.jupiter.api.Test;

class VerdictTest {
    private final ReportFixtures fixtures = new ReportFixtures();

    /** Drift and address agreement add findings to a verdict: the fingerprint, revocation and clients must stay. */
    @Test
    void withFindingsKeepsEveryOtherFactAndRecomputesTheStatus() {
        Verdict pass = fixtures.pass();
        Verdict full = new Verdict(pass.target(), pass.origin(), pass.status(), pass.findings(), pass.connection(),
                pass.chain(), pass.path(), pass.anchor(), pass.elapsed(), Optional.empty(), Optional.of("AB:CD"),
                List.of(new ClientOutcome("jdk17", List.of(), List.of())));
        Finding drift = Finding.of(FindingCode.DRIFT_ISSUER_CHANGED, "issuer changed");

        Verdict changed = full.withFindings(List.of(drift));

        assertThat(changed.findings()).containsExactly(drift);
        assertThat(changed.status()).isEqualTo(Status.of(List.of(drift)));
        assertThat(changed.anchorSha256()).contains("AB:CD");
        assertThat(changed.clients()).isEqualTo(full.clients());
        assertThat(changed.chain()).isEqualTo(full.chain());
    }
}
