package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Role;
import org.certcheck.input.Target;

/**
 * The organisation's own {@link Requirements}: pins (RFC 7469 §2.4 SPKI hashes, or certificate
 * hashes) and a required root. Both are matched against the validated path only, never against
 * everything the server sent: a hostile server can append the real leaf to its own chain, and a
 * certificate that validates nothing proves nothing (RFC 7469 §2.6 pins the validated chain too).
 */
final class RequirementsCheck implements Check {
    private final Requirements requirements;

    RequirementsCheck(Requirements requirements) {
        this.requirements = requirements;
    }

    @Override
    public List<Finding> check(Evidence evidence) {
        CertificatePath path = evidence.path();
        List<Finding> pins = evidence.target().map(target -> pins(target, path)).orElse(List.of());
        if (requirements.requiredAnchors().isEmpty() || !path.trusted() || requirements.requiredAnchors().stream()
                .anyMatch(required -> Certificates.sameEntity(required, path.anchor().orElseThrow()))) {
            return pins;
        }
        String wanted = requirements.requiredAnchors().stream().map(Certificates::subject)
                .collect(Collectors.joining(" or "));
        Finding wrongAnchor = Finding.about(Certificates.subject(path.top()), Role.ANCHOR, FindingCode.CHAIN_WRONG_ANCHOR,
                "the chain ends at " + Certificates.subject(path.top()) + " (SHA-256 "
                        + HexFormat.ofDelimiter(":").withUpperCase().formatHex(Pin.certificateSha256(path.top()))
                        + "), not at the root required by --anchor (" + wanted + "): the server's certificate comes"
                        + " from another CA than expected");
        return java.util.stream.Stream.concat(pins.stream(), java.util.stream.Stream.of(wrongAnchor)).toList();
    }

    private List<Finding> pins(Target target, CertificatePath path) {
        List<Pin> applicable = requirements.pins().stream()
                .filter(pin -> pin.appliesTo(target.host(), target.port())).toList();
        if (applicable.isEmpty()) {
            return List.of();
        }
        // Only the path's certificates count: a pin that matched a certificate outside it would vouch
        // for a chain it is not part of.
        List<X509Certificate> candidates = path.certificates();
        if (candidates.stream()
                .anyMatch(certificate -> applicable.stream().anyMatch(pin -> pin.matches(certificate)))) {
            return List.of();
        }
        String has = candidates.stream().map(certificate -> "sha256/"
                + Base64.getEncoder().encodeToString(Pin.spkiSha256(certificate)) + " (key) or "
                + HexFormat.ofDelimiter(":").withUpperCase().formatHex(Pin.certificateSha256(certificate))
                + " (certificate) for " + Certificates.subject(certificate)).collect(Collectors.joining("; "));
        return List.of(Finding.about(Certificates.subject(path.leaf()), Role.LEAF, FindingCode.CHAIN_PIN_MISMATCH,
                "no certificate of the " + (path.trusted() ? "validated path" : "chain (which reaches no trusted CA)")
                        + " matches the pin(s) given for " + target.display() + " ("
                        + applicable.stream().map(Pin::text).collect(Collectors.joining(", ")) + "); the path has: "
                        + has + ". If the certificate was renewed on purpose, update the pin"));
    }
}
