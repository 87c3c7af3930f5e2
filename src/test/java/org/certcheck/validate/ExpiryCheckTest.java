package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Severity;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.TestPki;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiryCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final TestPki pki = new TestPki(NOW);
    private final ExpiryCheck check = new ExpiryCheck(Policy.DEFAULT);

    private List<Finding> judge(HeldCertificate leaf) {
        List<X509Certificate> path = List.of(leaf.certificate(), pki.intermediate.certificate(), pki.root.certificate());
        return check.check(new CertificatePath(path, Optional.of(pki.root.certificate())), NOW);
    }

    @Test
    void validLeafFarFromExpiryHasNoFinding() {
        assertThat(judge(pki.leaf("x.test").build())).isEmpty();
    }

    @Test
    void expiredLeafSaysHowLongAgoAndTheDate() {
        List<Finding> findings = judge(pki.leaf("x.test").validity(NOW.minus(Duration.ofDays(93)),
                Instant.parse("2026-11-22T12:00:00Z")).build());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.CERT_EXPIRED);
            assertThat(f.severity()).isEqualTo(Severity.FAIL);
            assertThat(f.message()).isEqualTo("the certificate expired 3 days ago (notAfter 2026-11-22 12:00 UTC): renew it");
        });
    }

    @Test
    void notYetValidLeafFails() {
        List<Finding> findings = judge(pki.leaf("x.test").validFor(Duration.ofDays(10), Duration.ofDays(90)).build());

        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.CERT_NOT_YET_VALID);
        assertThat(findings.get(0).message()).contains("not valid until 2026-12-05 12:00 UTC", "in 10 days");
    }

    @Test
    void leafExpiringWithinWarnDaysIsAWarning() {
        List<Finding> findings = judge(pki.leaf("x.test").expiresIn(Duration.ofDays(12).plusHours(1)).build());

        assertThat(findings).extracting(Finding::code, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.CERT_EXPIRES_SOON, Severity.WARN));
        assertThat(findings.get(0).message()).contains("expires in 12 days");
    }

    @Test
    void leafExpiringWithinCritDaysFails() {
        List<Finding> findings = judge(pki.leaf("x.test").expiresIn(Duration.ofDays(3).plusHours(1)).build());

        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.CERT_EXPIRES_VERY_SOON);
        assertThat(findings.get(0).severity()).isEqualTo(Severity.FAIL);
    }

    @Test
    void expiredIntermediateOnThePathFailsAndIsNamed() {
        HeldCertificate old = HeldCertificate.builder(NOW).commonName("Old CA").certificateAuthority(0)
                .validFor(Duration.ofDays(-400), Duration.ofDays(365)).signedBy(pki.root).build();
        HeldCertificate leaf = HeldCertificate.builder(NOW).commonName("x.test").signedBy(old).build();
        List<X509Certificate> path = List.of(leaf.certificate(), old.certificate(), pki.root.certificate());

        List<Finding> findings = check.check(new CertificatePath(path, Optional.of(pki.root.certificate())), NOW);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.CERT_EXPIRED);
            assertThat(f.certificate()).contains("CN=Old CA");
            assertThat(f.message()).startsWith("CA certificate CN=Old CA expired 35 days ago");
        });
    }
}
