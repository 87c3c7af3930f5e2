package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certcheck.clients.ClientOutcome;
import org.certcheck.clients.Compatibility;
import org.certcheck.finding.Calibration;
import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Profile;
import org.certcheck.finding.Role;
import org.certcheck.input.Target;
import org.certcheck.tls.Handshake;

/**
 * Runs every check of the {@link CheckRegistry} on what a handshake captured (or a chain read from
 * a file) and collects all findings, rated by the run's {@link Calibration}, so a certificate that
 * is expired and issued for the wrong name shows both problems.
 */
public final class Validator {
    private final TrustAnchors anchors;
    private final CheckRegistry checks;
    private final ChainCheck chain;
    private final Calibration calibration;
    private final MissingIssuerDiagnosis missingIssuer;
    private final IssuerFetcher issuers;
    private final Policy policy;
    private final Requirements requirements;
    private final Compatibility clients;

    public Validator(TrustAnchors anchors, Policy policy) {
        this(anchors, policy, Requirements.NONE, IssuerFetcher.NONE, Calibration.DEFAULT);
    }

    public Validator(TrustAnchors anchors, Policy policy, Requirements requirements) {
        this(anchors, policy, requirements, IssuerFetcher.NONE, Calibration.DEFAULT);
    }

    public Validator(TrustAnchors anchors, Policy policy, Requirements requirements, Calibration calibration) {
        this(anchors, policy, requirements, IssuerFetcher.NONE, calibration);
    }

    /**
     * With an organisation's extra {@link Requirements}, a fetcher for caIssuers URLs (used only to
     * name a missing intermediate, issue #4) and the calibration that rates every finding.
     */
    public Validator(TrustAnchors anchors, Policy policy, Requirements requirements, IssuerFetcher issuers,
                     Calibration calibration) {
        this(anchors, policy, requirements, issuers, calibration, Compatibility.DEFAULT);
    }

    private Validator(TrustAnchors anchors, Policy policy, Requirements requirements, IssuerFetcher issuers,
                      Calibration calibration, Compatibility clients) {
        this.anchors = anchors;
        this.policy = policy;
        this.requirements = requirements;
        this.issuers = issuers;
        this.clients = clients;
        this.checks = new CheckRegistry(policy, requirements, calibration.profile());
        this.calibration = calibration;
        this.chain = new ChainCheck(anchors, checks, calibration);
        this.missingIssuer = new MissingIssuerDiagnosis(issuers);
    }

    /** This validator, judging handshakes for the client profiles of {@code clients} ({@code --clients}). */
    public Validator withClients(Compatibility clients) {
        return new Validator(anchors, policy, requirements, issuers, calibration, clients);
    }

    /** Judges the handshake as of {@code now}; never throws for a bad certificate. */
    public Assessment assess(Handshake handshake, Instant now) {
        return assess(handshake.chain(), Optional.of(handshake.target()), Optional.of(handshake), now);
    }

    /**
     * Judges a chain as a server would send it (leaf first, the rest in any order) for the name or
     * address of {@code target}, as of {@code now}: the same checks with or without a network.
     */
    public Assessment assess(List<X509Certificate> chain, Target target, Instant now) {
        return assess(chain, Optional.of(target), Optional.empty(), now);
    }

    private Assessment assess(List<X509Certificate> sent, Optional<Target> target, Optional<Handshake> handshake,
                              Instant now) {
        if (sent.isEmpty()) {
            throw new IllegalArgumentException("no certificate to judge for " + target.map(Target::display).orElse("?"));
        }
        ChainCheck.Result chainResult = chain.check(sent, handshake.isPresent());
        CertificatePath path = chainResult.path();
        List<Finding> findings = new ArrayList<>(missingIssuer.explain(chainResult.findings(), path));
        findings.addAll(checks.onEvidence(new Evidence(path, sent, target, handshake, now)));
        List<ClientOutcome> outcomes = handshake
                .map(reached -> clients.judge(ClientEvidence.of(reached, path, chainResult.findings(), anchors)))
                .orElse(List.of());
        findings.addAll(clients.findings(outcomes));
        profileNote(path).ifPresent(findings::add);
        return new Assessment(path, calibration.rate(findings), outcomes);
    }

    /** Says which rule book judged a chain that ends at a publicly trusted root. */
    private Optional<Finding> profileNote(CertificatePath path) {
        if (path.anchor().filter(anchors::isPublic).isEmpty()) {
            return Optional.empty();
        }
        String root = Certificates.subject(path.anchor().get());
        String message = calibration.profile() == Profile.PRIVATE
                ? "the chain ends at " + root + ", a publicly trusted root from the JVM's trust store, and was judged"
                        + " by the private profile (CA/Browser Forum rules are information only): use --profile webpki"
                        + " to hold a public site to the Baseline Requirements"
                : "the chain ends at " + root + ", a publicly trusted root, and was judged by the "
                        + calibration.profile().id() + " profile";
        return Optional.of(Finding.about(root, Role.ANCHOR, FindingCode.PROFILE_NOTE, message));
    }
}
