package org.certcheck.tls;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.certcheck.input.Target;

/**
 * The facts of one TLS handshake, judged by nobody yet.
 *
 * @param target         what was probed
 * @param peer           the address that answered
 * @param chain          the certificates exactly as the server sent them, leaf first; never empty
 * @param protocol       negotiated protocol, e.g. {@code TLSv1.3}
 * @param cipherSuite    negotiated cipher suite
 * @param handshakeError set when the handshake failed after the chain was captured (for example
 *                       the server demanded a client certificate): the chain can still be judged
 * @param elapsed        wall time of the probe
 * @param clientCertificateRequest set when the server asked for a client certificate (mutual TLS)
 */
public record Handshake(Target target, InetSocketAddress peer, List<X509Certificate> chain, String protocol,
                        String cipherSuite, Optional<String> handshakeError, Duration elapsed,
                        Optional<ClientCertificateRequest> clientCertificateRequest)
        implements ProbeResult {

    public Handshake {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(peer, "peer");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a handshake with " + target + " needs at least one certificate");
        }
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(handshakeError, "handshakeError");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(clientCertificateRequest, "clientCertificateRequest");
    }

    /** A handshake in which the server did not ask for a client certificate. */
    public Handshake(Target target, InetSocketAddress peer, List<X509Certificate> chain, String protocol,
                     String cipherSuite, Optional<String> handshakeError, Duration elapsed) {
        this(target, peer, chain, protocol, cipherSuite, handshakeError, elapsed, Optional.empty());
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }
}
