package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.certcheck.finding.Calibration;
import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Role;
import org.certcheck.finding.Severity;

/**
 * Judges whether the chain a server sent leads to a trusted CA, and if not, why: untrusted root,
 * self-signed leaf, missing intermediate, bad signature, or an invalid CA on the way.
 */
public final class ChainCheck {
    private final TrustAnchors anchors;
    private final PathBuilder builder;
    private final CheckRegistry checks;
    private final Calibration calibration;

    public ChainCheck(TrustAnchors anchors) {
        this(anchors, Requirements.NONE);
    }

    public ChainCheck(TrustAnchors anchors, Requirements requirements) {
        this(anchors, new CheckRegistry(Policy.DEFAULT, requirements), Calibration.DEFAULT);
    }

    /**
     * @param checks      whose path rules judge each candidate path
     * @param calibration rates those findings, so the path with the fewest failures is chosen
     */
    public ChainCheck(TrustAnchors anchors, CheckRegistry checks, Calibration calibration) {
        this.anchors = anchors;
        this.builder = new PathBuilder(anchors.certificates());
        this.checks = checks;
        this.calibration = calibration;
    }

    /** The path chosen (trusted if any) and the findings about it. */
    public record Result(CertificatePath path, List<Finding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    public Result check(List<X509Certificate> sent) {
        return check(sent, true);
    }

    /**
     * @param sent          leaf first, the rest in any order
     * @param sentByServer  whether a server sent them (a missing intermediate is its configuration)
     *                      or they were read from files (it is missing from the file)
     */
    public Result check(List<X509Certificate> sent, boolean sentByServer) {
        X509Certificate leaf = sent.get(0);
        PathBuilder.Search search = builder.build(leaf, sent);
        if (!search.trusted().isEmpty()) {
            // Among several trusted paths (cross-signing, two anchors), take the one with the fewest problems.
            return search.trusted().stream()
                    .map(path -> new Result(path, calibration.rate(checks.onPath(path))))
                    .min(Comparator.comparingLong(ChainCheck::failures)
                            .thenComparingInt(result -> result.findings().size()))
                    .orElseThrow();
        }
        CertificatePath partial = search.longestUntrusted();
        List<Finding> findings = new ArrayList<>();
        findings.add(diagnose(partial, search.badSignatures(), sentByServer));
        findings.addAll(checks.onPath(partial));
        return new Result(partial, calibration.rate(findings));
    }

    private static long failures(Result result) {
        return result.findings().stream().filter(finding -> finding.severity() == Severity.FAIL).count();
    }

    private Finding diagnose(CertificatePath partial, List<X509Certificate[]> badSignatures, boolean sentByServer) {
        X509Certificate leaf = partial.leaf();
        X509Certificate top = partial.top();
        String trust = " (trusted: " + anchors.description() + ")";
        if (partial.certificates().size() == 1 && Certificates.selfSigned(leaf)) {
            return Finding.about(Certificates.subject(leaf), Role.LEAF, FindingCode.CHAIN_SELF_SIGNED,
                    "self-signed certificate " + Certificates.subject(leaf) + " is not trusted" + trust
                            + ": have it issued by your CA, or trust it explicitly with --ca");
        }
        Optional<X509Certificate[]> forged = badSignatures.stream().filter(pair -> pair[0] == top).findFirst();
        if (forged.isPresent()) {
            return Finding.about(Certificates.subject(top), partial.role(top), FindingCode.CHAIN_BAD_SIGNATURE,
                    "the signature of " + Certificates.subject(top) + " does not verify with the key of "
                            + Certificates.subject(forged.get()[1]) + ": it was signed by another key with the"
                            + " same name (a re-keyed or impostor CA)");
        }
        if (Certificates.selfSigned(top)) {
            return Finding.about(Certificates.subject(top), partial.role(top), FindingCode.CHAIN_UNTRUSTED,
                    "chain ends at root " + Certificates.subject(top) + ", which is not trusted" + trust
                            + ": if it is your CA, pass it with --ca");
        }
        if (top == leaf) {
            return Finding.about(Certificates.subject(leaf), Role.LEAF, FindingCode.CHAIN_INCOMPLETE, sentByServer
                    ? "the server sent only its own certificate, and its issuer " + Certificates.issuer(leaf)
                            + " is neither sent nor trusted" + trust + ": configure the server to send its"
                            + " intermediate CA certificate(s), or trust that CA with --ca if it is a root"
                    : "the files hold only this certificate, and its issuer " + Certificates.issuer(leaf)
                            + " is neither among them nor trusted" + trust + ": add its intermediate CA"
                            + " certificate(s) to the files, or trust that CA with --ca if it is a root");
        }
        return Finding.about(Certificates.subject(top), partial.role(top), FindingCode.CHAIN_UNTRUSTED,
                "chain ends at " + Certificates.subject(top) + ", issued by " + Certificates.issuer(top)
                        + ", which is not a trusted CA" + trust + (sentByServer ? " and was not sent by the server"
                        : " and is not among the files"));
    }
}
