package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.certcheck.finding.Calibration;
import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Role;

/**
 * Judges one certificate found on disk ({@code certcheck inventory}) on its own: no server sent
 * it, so there is no name to match and no chain as sent; it may be a leaf, an intermediate or a
 * root. Its own rules apply by its role:
 *
 * <ul>
 *   <li>every certificate: validity and the expiry thresholds (RFC 5280 §4.1.2.5), the lifetime
 *       percentages, its key, unknown critical extensions, key identifiers and extension syntax;
 *   <li>its signature algorithm unless it is self-signed: a self-signature protects nothing, a
 *       root is trusted for its key (as {@link CryptoCheck} treats every anchor);
 *   <li>a certificate with basicConstraints CA:TRUE is judged as a CA (subjectKeyIdentifier and a
 *       critical basicConstraints required, name constraints allowed); any other as a TLS server
 *       leaf would be (not a CA, a keyUsage its key can perform, {@code --max-validity-days}, its
 *       CN a copy of a SAN), without the name and purpose, which depend on where it is used.
 * </ul>
 *
 * With trust anchors, it is also judged as a client would find it: the path from it to an anchor
 * is built from the certificates stored beside it (in the same file), and the chain's findings
 * join its own, with the expiry of every certificate on that path.
 */
public final class StandaloneCheck {
    /** Findings about the certificate itself, which its own judgement makes in its own role. */
    private static final Set<FindingCode> OWN = Set.of(FindingCode.CERT_WEAK_SIGNATURE, FindingCode.CERT_WEAK_KEY,
            FindingCode.CERT_UNSUPPORTED_ALGORITHM, FindingCode.CERT_KEY_USAGE, FindingCode.CERT_LEAF_IS_CA,
            FindingCode.CERT_KEY_IDENTIFIER, FindingCode.CERT_SERIAL_NUMBER, FindingCode.CERT_MALFORMED_EXTENSION,
            FindingCode.CERT_VALIDITY_TOO_LONG, FindingCode.CERT_UNKNOWN_CRITICAL_EXTENSION,
            FindingCode.HOST_CN_NOT_IN_SAN, FindingCode.CHAIN_CA_PURPOSE);

    private final Optional<ChainCheck> chain;
    private final CheckRegistry checks;
    private final Requirements requirements;
    private final Calibration calibration;

    /** @param anchors when present, every certificate must also reach one of them */
    public StandaloneCheck(Optional<TrustAnchors> anchors, Policy policy, Requirements requirements) {
        this(anchors, policy, requirements, Calibration.DEFAULT);
    }

    public StandaloneCheck(Optional<TrustAnchors> anchors, Policy policy, Requirements requirements,
                           Calibration calibration) {
        this.checks = new CheckRegistry(policy, requirements, calibration.profile());
        this.chain = anchors.map(trusted -> new ChainCheck(trusted, checks, calibration));
        this.requirements = requirements;
        this.calibration = calibration;
    }

    /**
     * @param certificate the certificate to judge
     * @param companions  the certificates stored with it, in any order (it may be among them); used
     *                    only to build a path to the anchors
     * @return the findings, and the path they are about: the one to an anchor when trust was checked
     *         and one was found, otherwise the certificate alone, untrusted
     */
    public Assessment assess(X509Certificate certificate, List<X509Certificate> companions, Instant now) {
        CertificatePath alone = new CertificatePath(List.of(certificate), Optional.empty());
        List<Finding> findings = new ArrayList<>(own(certificate));
        CertificatePath path = alone;
        if (chain.isPresent()) {
            List<X509Certificate> stored = new ArrayList<>(List.of(certificate));
            companions.stream().filter(other -> !Certificates.sameCertificate(other, certificate)).forEach(stored::add);
            ChainCheck.Result result = chain.get().check(stored, false);
            String subject = Certificates.subject(certificate);
            result.findings().stream()
                    .filter(f -> !(OWN.contains(f.code()) && f.certificate().filter(subject::equals).isPresent()))
                    .forEach(findings::add);
            path = result.path();
        }
        // No server sent it and no name is wanted: the checks of time and of the operator's requirements.
        findings.addAll(checks.onEvidence(new Evidence(path, path.certificates(), Optional.empty(), Optional.empty(),
                now)));
        return new Assessment(path.trusted() ? path : alone, calibration.rate(findings));
    }

    /** The certificate's own rules, in its own role: a root as an anchor, another CA as an intermediate. */
    private List<Finding> own(X509Certificate certificate) {
        boolean ca = certificate.getBasicConstraints() >= 0;
        Role role = !ca ? Role.LEAF : Certificates.selfSigned(certificate) ? Role.ANCHOR : Role.INTERMEDIATE;
        // A CA is judged as the top of a path of its own, so the CA rules of each check apply to it.
        CertificatePath alone = new CertificatePath(List.of(certificate),
                ca ? Optional.of(certificate) : Optional.empty());
        List<Finding> findings = new ArrayList<>(PathConstraints.check(alone));
        CryptoCheck.key(certificate, role).ifPresent(findings::add);
        if (!Certificates.selfSigned(certificate)) {
            CryptoCheck.signature(certificate, role).ifPresent(findings::add);
        }
        findings.addAll(KeyIdentifierCheck.check(alone));
        findings.addAll(ExtensionProfileCheck.check(alone));
        if (!ca) {
            findings.addAll(LeafProfileCheck.check(alone, requirements.maxValidityDays()));
            findings.addAll(CommonNameCheck.check(certificate));
        }
        return findings.stream().map(finding -> new Finding(finding.code(), finding.severity(), finding.message(),
                finding.certificate(), role)).toList();
    }
}
