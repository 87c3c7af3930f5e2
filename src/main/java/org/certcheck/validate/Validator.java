package org.certcheck.validate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.tls.Handshake;

/**
 * Runs every check on what a handshake captured and collects all findings, so a certificate that
 * is expired and issued for the wrong name shows both problems.
 */
public final class Validator {
    private final ChainCheck chain;
    private final ExpiryCheck expiry;
    private final HostnameCheck hostname = new HostnameCheck();
    private final PurposeCheck purpose = new PurposeCheck();

    public Validator(TrustAnchors anchors, Policy policy) {
        this.chain = new ChainCheck(anchors);
        this.expiry = new ExpiryCheck(policy);
    }

    /** Judges the handshake as of {@code now}; never throws for a bad certificate. */
    public Assessment assess(Handshake handshake, Instant now) {
        List<Finding> findings = new ArrayList<>();
        ChainCheck.Result chainResult = chain.check(handshake.chain());
        findings.addAll(chainResult.findings());
        findings.addAll(expiry.check(chainResult.path(), now));
        findings.addAll(hostname.check(handshake.leaf(), handshake.target()));
        findings.addAll(purpose.check(handshake.leaf()));
        handshake.handshakeError().ifPresent(error -> findings.add(Finding.of(FindingCode.TLS_HANDSHAKE_FAILED,
                Severity.WARN, "the certificate was received but the handshake then failed: " + error)));
        return new Assessment(chainResult.path(), findings);
    }
}
