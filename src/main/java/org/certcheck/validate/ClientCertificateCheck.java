package org.certcheck.validate;

import java.util.List;
import java.util.Optional;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Printable;
import org.certcheck.tls.ClientCertificateRequest;
import org.certcheck.tls.Handshake;

/**
 * Judges what a server's request for a client certificate means for the report. A server that
 * requires one still sends its own certificate first, so that certificate is judged either way;
 * this check only explains the end of the handshake:
 * <ul>
 *   <li>required, none sent: {@code tls.client-cert-required} (INFO) with the CAs it accepts, in
 *       place of a {@code tls.handshake-failed} warning, since nothing is wrong with the server;
 *   <li>asked for, none sent, handshake fine: {@code tls.client-cert-requested} (INFO);
 *   <li>ours sent and refused: {@code tls.handshake-failed} (WARN) saying so, with the CAs it accepts.
 * </ul>
 * Any other handshake error is a plain {@code tls.handshake-failed} warning, unless it ended the
 * handshake before the server proved it holds its key: {@link KeyProofCheck} reports that.
 */
final class ClientCertificateCheck {
    /** CA lists can be long (every CA in a server's trust store); the report names the first few. */
    static final int MAX_NAMES = 5;

    private ClientCertificateCheck() {
    }

    static List<Finding> check(Handshake handshake) {
        Optional<String> error = handshake.handshakeError();
        Optional<ClientCertificateRequest> request = handshake.clientCertificateRequest();
        if (request.isEmpty()) {
            if (!handshake.keyProof().proven()) {
                return List.of(); // KeyProofCheck explains the failed handshake, with a FAIL
            }
            return error.map(why -> List.of(handshakeFailed(
                    "the certificate was received but the handshake then failed: " + why))).orElse(List.of());
        }
        String accepts = accepted(request.get().acceptedIssuers());
        if (request.get().sent()) {
            return error.map(why -> List.of(handshakeFailed("the server did not accept the client certificate that was"
                    + " sent (" + why + "); " + accepts + ": check --client-cert or --client-p12"))).orElse(List.of());
        }
        if (error.isPresent()) {
            return List.of(Finding.of(FindingCode.TLS_CLIENT_CERT_REQUIRED,
                    "the server requires a client certificate and ended the handshake without one (" + error.get()
                            + "); " + accepts + "; its own certificate was checked all the same: give --client-cert"
                            + " and --client-key, or --client-p12, to complete the handshake"));
        }
        return List.of(Finding.of(FindingCode.TLS_CLIENT_CERT_REQUESTED,
                "the server asks for an optional client certificate and went on without one; " + accepts));
    }

    private static String accepted(List<String> issuers) {
        if (issuers.isEmpty()) {
            return "it names no CAs it accepts";
        }
        List<String> shown = issuers.stream().limit(MAX_NAMES).map(Printable::printable).toList();
        String more = issuers.size() > MAX_NAMES ? " and " + (issuers.size() - MAX_NAMES) + " more" : "";
        return "it accepts certificates issued by " + String.join("; ", shown) + more;
    }

    private static Finding handshakeFailed(String message) {
        return Finding.of(FindingCode.TLS_HANDSHAKE_FAILED, message);
    }
}
