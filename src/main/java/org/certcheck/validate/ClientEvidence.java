package org.certcheck.validate;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.certcheck.clients.ClientFacts;
import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.tls.Handshake;

/** The facts {@link org.certcheck.clients.Compatibility} judges, read from a handshake and the path chosen for it. */
final class ClientEvidence {
    private ClientEvidence() {
    }

    static ClientFacts of(Handshake handshake, CertificatePath path, List<Finding> chainFindings, TrustAnchors anchors) {
        X509Certificate leaf = handshake.leaf();
        PublicKey key = leaf.getPublicKey();
        Optional<X509Certificate> anchor = path.trusted() ? path.anchor() : Optional.empty();
        // The same reading as MissingIssuerDiagnosis: the top's issuer was neither sent nor trusted.
        boolean missing = !path.trusted() && chainFindings.stream().anyMatch(finding ->
                finding.code() == FindingCode.CHAIN_INCOMPLETE
                        || (finding.code() == FindingCode.CHAIN_UNTRUSTED && !Certificates.selfIssued(path.top())));
        return new ClientFacts(handshake.protocol(), handshake.cipherSuite(), handshake.keyExchange(),
                handshake.keyExchange().flatMap(exchange -> exchange.signature()),
                key.getAlgorithm(), bits(key), leaf.getNotBefore().toInstant(),
                anchor.map(root -> HexFormat.of().withUpperCase().formatHex(Pin.certificateSha256(root))),
                anchor.filter(anchors::isPublic).isPresent(), missing,
                missing && MissingIssuerDiagnosis.caIssuersUrl(path.top()).isPresent());
    }

    private static int bits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        return 0;
    }
}
