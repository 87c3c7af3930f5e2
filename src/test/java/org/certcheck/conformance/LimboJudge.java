package org.certcheck.conformance;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certcheck.input.Target;
import org.certcheck.report.Status;
import org.certcheck.validate.Assessment;
import org.certcheck.validate.Finding;
import org.certcheck.validate.Policy;
import org.certcheck.validate.TrustAnchors;
import org.certcheck.validate.Validator;

/**
 * Judges one limbo testcase with certcheck's {@link Validator} the way {@code certcheck check}
 * judges a handshake: the peer certificate first, then the intermediates as a server would send
 * them; the testcase's trusted certificates as the only anchors; nearness to expiry ignored (warn
 * and crit days 0). A case is accepted when no finding is FAIL or UNKNOWN ({@link Status#of}).
 *
 * <p>When limbo gives no DNS or IP name (none at all, or an e-mail address) there is no host to
 * check, so the {@code host.*} findings are left out of the verdict.
 */
final class LimboJudge {
    private static final Policy IGNORE_NEAR_EXPIRY = new Policy(0, 0);
    /** Stands in for a missing name; its host findings are dropped. */
    private static final Target NO_NAME = new Target("no-peer-name.invalid", 443, "limbo (no peer name)");

    private final CertificateFactory factory;
    private final Instant now;

    /** @param now the time for testcases without a {@code validation_time} */
    LimboJudge(Instant now) {
        this.now = now;
        try {
            this.factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("this JDK has no X.509 CertificateFactory", e);
        }
    }

    CaseResult judge(LimboCase testcase) {
        long start = System.nanoTime();
        List<X509Certificate> chain = new ArrayList<>();
        List<X509Certificate> anchors = new ArrayList<>();
        try {
            chain.add(parse(testcase.peerPem()));
            for (String pem : testcase.intermediatePems()) {
                chain.add(parse(pem));
            }
            for (String pem : testcase.trustedPems()) {
                anchors.add(parse(pem));
            }
        } catch (CertificateException e) {
            // The TLS stack (or the CA-file loader) refuses such bytes before any check runs.
            return CaseResult.unparsable(testcase, String.valueOf(e.getMessage()), System.nanoTime() - start);
        }
        Optional<Target> target = testcase.peerName()
                .filter(name -> name.kind().equals("DNS") || name.kind().equals("IP"))
                .map(name -> new Target(name.value(), 443, "limbo"));
        Assessment assessment;
        try {
            Validator validator = new Validator(new TrustAnchors(anchors, "limbo trusted_certs"), IGNORE_NEAR_EXPIRY);
            assessment = validator.assess(chain, target.orElse(NO_NAME), testcase.validationTime().orElse(now));
        } catch (RuntimeException | StackOverflowError e) {
            // The validator promises never to throw for a certificate: this is a bug to report.
            return CaseResult.crashed(testcase, e, System.nanoTime() - start);
        }
        List<Finding> findings = assessment.findings().stream()
                .filter(finding -> target.isPresent() || !finding.code().code().startsWith("host."))
                .toList();
        return CaseResult.judged(testcase, findings, System.nanoTime() - start);
    }

    private X509Certificate parse(String pem) throws CertificateException {
        return (X509Certificate) factory.generateCertificate(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
