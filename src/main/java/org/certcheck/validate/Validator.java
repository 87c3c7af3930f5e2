package org.certcheck.validate;

import org.certcheck.finding.Finding;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.input.Target;
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
    private final Requirements requirements;
    private final MissingIssuerDiagnosis missingIssuer;

    public Validator(TrustAnchors anchors, Policy policy) {
        this(anchors, policy, Requirements.NONE, IssuerFetcher.NONE);
    }

    public Validator(TrustAnchors anchors, Policy policy, Requirements requirements) {
        this(anchors, policy, requirements, IssuerFetcher.NONE);
    }

    /**
     * With an organisation's extra {@link Requirements} and a fetcher for caIssuers URLs, used only to
     * name a missing intermediate (issue #4).
     */
    public Validator(TrustAnchors anchors, Policy policy, Requirements requirements, IssuerFetcher issuers) {
        this.chain = new ChainCheck(anchors, requirements);
        this.expiry = new ExpiryCheck(policy);
        this.requirements = requirements;
        this.missingIssuer = new MissingIssuerDiagnosis(issuers);
    }

    /** Judges the handshake as of {@code now}; never throws for a bad certificate. */
    public Assessment assess(Handshake handshake, Instant now) {
        Assessment certificates = assess(handshake.chain(), handshake.target(), now);
        List<Finding> findings = new ArrayList<>(certificates.findings());
        findings.addAll(ProtocolCheck.check(handshake.protocol(), handshake.cipherSuite()));
        findings.addAll(KeyProofCheck.check(handshake));
        findings.addAll(StapleCheck.check(handshake));
        findings.addAll(ChainSizeCheck.check(handshake));
        findings.addAll(KeyExchangeCheck.check(handshake));
        // The end of the handshake (an error, or a request for a client certificate) is explained here.
        findings.addAll(ClientCertificateCheck.check(handshake));
        return new Assessment(certificates.path(), findings);
    }

    /**
     * Judges a chain as a server would send it (leaf first, the rest in any order) for the name or
     * address of {@code target}, as of {@code now}: the same checks with or without a network.
     */
    public Assessment assess(List<X509Certificate> chain, Target target, Instant now) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no certificate to judge for " + target);
        }
        List<Finding> findings = new ArrayList<>();
        ChainCheck.Result chainResult = this.chain.check(chain);
        findings.addAll(missingIssuer.explain(chainResult.findings(), chainResult.path()));
        findings.addAll(SentChainCheck.check(chain, chainResult.path(), now));
        findings.addAll(expiry.check(chainResult.path(), now));
        findings.addAll(hostname.check(chain.get(0), target));
        findings.addAll(purpose.check(chain.get(0)));
        findings.addAll(RequirementsCheck.check(requirements, target, chain, chainResult.path(), now, findings));
        return new Assessment(chainResult.path(), findings);
    }
}
