package org.certcheck.validate;

import java.util.ArrayList;
import java.util.List;

import org.certcheck.finding.Finding;
import org.certcheck.finding.Profile;

/**
 * Every check certcheck runs, in the order their findings are shown, in one place for the network
 * check, {@code verify} and {@code inventory}. Two groups:
 *
 * <ul>
 *   <li>{@linkplain #onPath path rules}: they read only the certificates of one path, so
 *       {@link ChainCheck} can also use them to choose between several trusted paths (cross-signing);
 *   <li>{@linkplain #onEvidence the rest}: time, names, the chain as sent, the operator's
 *       requirements and the connection; they run once, on the path chosen.
 * </ul>
 */
public final class CheckRegistry {
    private final List<Check> pathRules;
    private final List<Check> rest;

    public CheckRegistry(Policy thresholds, Requirements requirements) {
        this(thresholds, requirements, Profile.PRIVATE);
    }

    /**
     * @param profile the rule book. The Baseline Requirements' own rules run under every profile; under
     *                {@code private} their findings are information (shown with {@code -v}), since a
     *                private PKI's leaves need no EKU and no client there enforces the CA/B rules
     */
    public CheckRegistry(Policy thresholds, Requirements requirements, Profile profile) {
        List<Check> path = new ArrayList<>(List.<Check>of(
                evidence -> PathConstraints.check(evidence.path()),       // RFC 5280 6.1: CAs, pathLen, keyCertSign, names, critical extensions
                evidence -> CryptoCheck.check(evidence.path()),           // signature algorithms, key types and sizes
                evidence -> KeyIdentifierCheck.check(evidence.path()),    // RFC 5280 4.2.1.1-2: the identifiers clients build paths with
                evidence -> ExtensionProfileCheck.check(evidence.path()), // RFC 5280 syntax and criticality, CA EKU chaining
                new LeafProfileCheck(requirements.maxValidityDays()),    // not a CA, usable keyUsage, --max-validity-days
                evidence -> CommonNameCheck.check(evidence.path().leaf()),  // CA/B BR 7.1.4.3: the CN copies a SAN
                evidence -> PolicyTreeCheck.check(evidence.path()),      // RFC 5280 6.1: certificate policies
                evidence -> TimeEncodingCheck.check(evidence.path()),    // RFC 5280 4.1.2.5: DER validity times
                new BaselineRequirementsCheck()));                       // the other CA/B BR rules for public certificates
        this.pathRules = List.copyOf(path);
        this.rest = List.of(
                new SentChainCheck(),                                    // order, duplicates, root sent, unused certificates
                new ExpiryCheck(thresholds, requirements),               // RFC 5280 4.1.2.5 and the warning thresholds
                new HostnameCheck(),                                     // RFC 6125 / RFC 9525: the SAN covers the target
                new PurposeCheck(),                                      // RFC 5280 4.2.1.12: serverAuth
                new RequirementsCheck(requirements),                     // --pin, --anchor
                evidence -> evidence.handshake()                         // protocol version and cipher suite
                        .map(handshake -> ProtocolCheck.check(handshake.protocol(), handshake.cipherSuite()))
                        .orElse(List.of()),
                KeyProofCheck::check,                                    // the server proved its key
                evidence -> evidence.handshake().map(StapleCheck::check).orElse(List.of()),     // a staple that is no OCSP response
                evidence -> evidence.handshake().map(ChainSizeCheck::check).orElse(List.of()),  // chains clients refuse for size
                evidence -> evidence.handshake().map(KeyExchangeCheck::check).orElse(List.of()), // DHE group size, curve
                // The end of the handshake (an error, or a request for a client certificate) is explained here.
                evidence -> evidence.handshake().map(ClientCertificateCheck::check).orElse(List.of()),
                // Last: information about every classical server today, below what needs acting on.
                evidence -> evidence.handshake().map(PostQuantumCheck::check).orElse(List.of())); // ML-KEM hybrid or not
    }

    /** The findings of the path rules about {@code path}. */
    List<Finding> onPath(CertificatePath path) {
        return run(pathRules, Evidence.ofPath(path));
    }

    /** The findings of every check but the path rules. */
    List<Finding> onEvidence(Evidence evidence) {
        return run(rest, evidence);
    }

    private static List<Finding> run(List<Check> checks, Evidence evidence) {
        List<Finding> findings = new ArrayList<>();
        for (Check check : checks) {
            findings.addAll(check.check(evidence));
        }
        return findings;
    }
}
