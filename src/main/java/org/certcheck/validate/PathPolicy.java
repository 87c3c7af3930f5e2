package org.certcheck.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.certcheck.finding.Finding;

/**
 * Every rule that depends only on the certificates of one path, not on time or the network: the
 * RFC 5280 path constraints, crypto strength, key identifiers, extension syntax, the leaf's
 * profile and its CN. {@link ChainCheck} judges each candidate path with it and keeps the one
 * with the fewest failures, so a good path wins over a weak cross-signed one.
 */
final class PathPolicy {
    private final OptionalInt maxValidityDays;

    PathPolicy(OptionalInt maxValidityDays) {
        this.maxValidityDays = maxValidityDays;
    }

    List<Finding> check(CertificatePath path) {
        List<Finding> findings = new ArrayList<>(PathConstraints.check(path));
        findings.addAll(CryptoCheck.check(path));
        findings.addAll(KeyIdentifierCheck.check(path));
        findings.addAll(ExtensionProfileCheck.check(path));
        findings.addAll(LeafProfileCheck.check(path, maxValidityDays));
        findings.addAll(CommonNameCheck.check(path.leaf()));
        return findings;
    }
}
