package org.certcheck.validate;

import java.util.List;

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

    static List<Finding> check(Handshake handshake) {
        if (handshake.keyProof().proven()) {
            return List.of();
        }
        return List.of(Finding.of(FindingCode.TLS_KEY_NOT_PROVEN, "the server at " + peer(handshake)
                + " sent a certificate but did not prove it holds its private key: " + handshake.keyProof().evidence()
                + "; no TLS client accepts such a connection, and a server that replays another's certificate looks"
                + " exactly like this: check that the server's key matches its certificate, and that the address"
                + " really is your server"));
    }

    private static String peer(Handshake handshake) {
        var address = handshake.peer().getAddress();
        String host = address != null ? address.getHostAddress() : handshake.peer().getHostString();
        return host + " port " + handshake.peer().getPort();
    }
}
