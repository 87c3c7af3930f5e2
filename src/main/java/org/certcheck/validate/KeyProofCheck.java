package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.tls.Handshake;

/**
 * Whether the server proved it holds the private key of the certificate it sent. A certificate is
 * public, so a server that replays someone else's chain presents a perfectly valid one; what it
 * cannot do is sign the handshake (RFC 8446 section 4.4.3 CertificateVerify, RFC 5246 section 7.4.3
 * ServerKeyExchange) or, with TLS 1.2 RSA key exchange, send a correct Finished. Without that
 * proof no client would talk to it, pins and {@code --anchor} notwithstanding: {@code tls.key-not-proven}
 * (a failure). The certificate itself is still judged by the other checks.
 */
final class KeyProofCheck {
    private KeyProofCheck() {
    }

    static List<Finding> check(Evidence evidence) {
        return evidence.handshake().map(handshake -> check(handshake, evidence.sent())).orElse(List.of());
    }

    static List<Finding> check(Handshake handshake, List<X509Certificate> sent) {
        if (handshake.keyProof().proven()) {
            return List.of();
        }
        String start = "the server at " + peer(handshake) + " sent a certificate but did not prove it holds its private"
                + " key: " + handshake.keyProof().evidence();
        Optional<String> refusedSignature = refusedSignature(sent);
        if (refusedSignature.isPresent()) {
            return List.of(Finding.of(FindingCode.TLS_KEY_NOT_PROVEN, start + "; the likely cause is the certificate,"
                    + " not the protocol: " + refusedSignature.get() + ", which Java and every current client leave"
                    + " out of the signatures they accept in certificates (signature_algorithms_cert, RFC 8446"
                    + " 4.2.3), so a server has no certificate to offer them: have it reissued with SHA-256 or better"));
        }
        return List.of(Finding.of(FindingCode.TLS_KEY_NOT_PROVEN, start
                + "; no TLS client accepts such a connection, and a server that replays another's certificate looks"
                + " exactly like this: check that the server's key matches its certificate, and that the address"
                + " really is your server"));
    }

    /** The first certificate the server sent, other than a self-signed root, with a broken hash signature. */
    private static Optional<String> refusedSignature(List<X509Certificate> sent) {
        for (X509Certificate certificate : sent) {
            if (Certificates.selfIssued(certificate)) {
                continue; // a root's own signature is never checked
            }
            Optional<String> weak = CryptoCheck.weakSignature(certificate);
            if (weak.isPresent()) {
                return Optional.of(Certificates.subject(certificate) + " is signed with " + weak.get());
            }
        }
        return Optional.empty();
    }

    private static String peer(Handshake handshake) {
        var address = handshake.peer().getAddress();
        String host = address != null ? address.getHostAddress() : handshake.peer().getHostString();
        return host + " port " + handshake.peer().getPort();
    }
}
