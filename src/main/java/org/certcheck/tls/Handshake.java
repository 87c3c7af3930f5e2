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
 * @param stapledOcsp    the DER OCSP responses the server stapled (RFC 6066 section 8, RFC 6961,
 *                       RFC 8446 section 4.4.2.1), exactly as received and not yet checked; empty
 *                       when it stapled none
 * @param clientCertificateRequest set when the server asked for a client certificate (mutual TLS)
 * @param keyProof       whether the server proved it holds the leaf's private key (issue 14): a
 *                       handshake that ended after the Certificate message may come from a server
 *                       that replays someone else's chain
 * @param unreadableStaple set when the server stapled something the JVM could not read as an OCSP
 *                       response (RFC 6960 section 4.2.1), which ended the first handshake; the facts
 *                       here then come from a second handshake that asked for no staple
 * @param keyExchange    the ephemeral group the server chose, when the clear part of the handshake showed it
 * @param engine         the TLS engine that made this handshake (issue 15), and why when it was a fallback
 */
public record Handshake(Target target, InetSocketAddress peer, List<X509Certificate> chain, String protocol,
                        String cipherSuite, Optional<String> handshakeError, Duration elapsed,
                        List<byte[]> stapledOcsp, Optional<ClientCertificateRequest> clientCertificateRequest,
                        KeyProof keyProof, Optional<String> unreadableStaple, Optional<KeyExchange> keyExchange,
                        EngineRun engine)
        implements ProbeResult {

    public Handshake(Target target, InetSocketAddress peer, List<X509Certificate> chain, String protocol,
                     String cipherSuite, Optional<String> handshakeError, Duration elapsed, List<byte[]> stapledOcsp,
                     Optional<ClientCertificateRequest> clientCertificateRequest, KeyProof keyProof,
                     Optional<String> unreadableStaple, Optional<KeyExchange> keyExchange) {
        this(target, peer, chain, protocol, cipherSuite, handshakeError, elapsed, stapledOcsp, clientCertificateRequest,
                keyProof, unreadableStaple, keyExchange, EngineRun.JDK);
    }

    public Handshake(Target target, InetSocketAddress peer, List<X509Certificate> chain, String protocol,
                     String cipherSuite, Optional<String> handshakeError, Duration elapsed, List<byte[]> stapledOcsp,
                     Optional<ClientCertificateRequest> clientCertificateRequest, KeyProof keyProof,
                     Optional<String> unreadableStaple) {
        this(target, peer, chain, protocol, cipherSuite, handshakeError, elapsed, stapledOcsp, clientCertificateRequest,
                keyProof, unreadableStaple, Optional.empty());
    }

    public Handshake(Target target, InetSocketAddress peer, List<X509Certificate> chain, String protocol,
                     String cipherSuite, Optional<String> handshakeError, Duration elapsed, List<byte[]> stapledOcsp,
                     Optional<ClientCertificateRequest> clientCertificateRequest, KeyProof keyProof) {
        this(target, peer, chain, protocol, cipherSuite, handshakeError, elapsed, stapledOcsp, clientCertificateRequest,
                keyProof, Optional.empty());
    }

    /** A handshake in which the server stapled nothing and did not ask for a client certificate. */
    public Handshake(Target target, InetSocketAddress peer, List<X509Certificate> chain, String protocol,
                     String cipherSuite, Optional<String> handshakeError, Duration elapsed) {
        this(target, peer, chain, protocol, cipherSuite, handshakeError, elapsed, List.of(), Optional.empty(),
                proofOf(handshakeError));
    }

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
        Objects.requireNonNull(keyProof, "keyProof");
        Objects.requireNonNull(unreadableStaple, "unreadableStaple");
        Objects.requireNonNull(keyExchange, "keyExchange");
        Objects.requireNonNull(engine, "engine");
        // Copies in and out: a record holding arrays is only immutable if nobody can write to them.
        // An empty entry (an RFC 6961 list may hold one for a certificate without a response) is no response.
        stapledOcsp = stapledOcsp.stream().filter(der -> der.length > 0).map(byte[]::clone).toList();
    }

    /** A handshake in which the server did not ask for a client certificate. */
    public Handshake(Target target, InetSocketAddress peer, List<X509Certificate> chain, String protocol,
                     String cipherSuite, Optional<String> handshakeError, Duration elapsed,
                     List<byte[]> stapledOcsp) {
        this(target, peer, chain, protocol, cipherSuite, handshakeError, elapsed, stapledOcsp, Optional.empty(),
                proofOf(handshakeError));
    }

    /** For the short constructors (tests, replays): a handshake that completed proved the key, a failed one did not. */
    private static KeyProof proofOf(Optional<String> handshakeError) {
        return handshakeError.map(KeyProof::notProven).orElse(KeyProof.proven("the handshake completed"));
    }

    @Override
    public List<byte[]> stapledOcsp() {
        return stapledOcsp.stream().map(byte[]::clone).toList();
    }

    /** This handshake, as read again without asking for a staple after {@code why} ended the first one. */
    public Handshake withUnreadableStaple(String why, Duration totalElapsed) {
        return new Handshake(target, peer, chain, protocol, cipherSuite, handshakeError, totalElapsed, stapledOcsp,
                clientCertificateRequest, keyProof, Optional.of(why), keyExchange, engine);
    }

    /** This handshake, as made by {@code other}. */
    public Handshake withEngine(EngineRun other) {
        return new Handshake(target, peer, chain, protocol, cipherSuite, handshakeError, elapsed, stapledOcsp,
                clientCertificateRequest, keyProof, unreadableStaple, keyExchange, other);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }
}
