package org.certcheck.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Records the chain a server presents during one handshake, and judges nothing.
 *
 * <p>Why accepting here is safe: certcheck never sends application data on a probe connection; it
 * closes it as soon as the handshake ends, and every verdict comes from the validator, which checks
 * the recorded chain against the user's trust anchors and the expected name. Letting the handshake
 * run to the end (instead of aborting after the Certificate message) also makes the server prove
 * it holds the certificate's private key, and yields the negotiated protocol and cipher suite.
 *
 * <p>One instance per probe: it holds that probe's capture.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {
    /** The JDK's own limit (sun.security.ssl.SSLConfiguration, default 10), which Conscrypt does not have. */
    private static final String CHAIN_LENGTH_PROPERTY = "jdk.tls.maxCertificateChainLength";

    private final AtomicReference<Capture> captured = new AtomicReference<>();
    private final int maxChainLength;

    /** For the JDK's engine, which enforces its chain length limit itself. */
    RecordingTrustManager() {
        this.maxChainLength = Integer.MAX_VALUE;
    }

    private RecordingTrustManager(int maxChainLength) {
        this.maxChainLength = maxChainLength;
    }

    /**
     * For Conscrypt: a chain longer than the JDK accepts is refused unrecorded, so the JDK reads the
     * target again and reports it in the same words as on its own engine.
     */
    static RecordingTrustManager withJdkChainLimit() {
        return new RecordingTrustManager(Math.max(1, Integer.getInteger(CHAIN_LENGTH_PROPERTY, 10)));
    }

    /**
     * What the server had presented when its Certificate message was processed: JSSE hands the
     * chain over only after it has read the stapled OCSP responses (TLS 1.2: the CertificateStatus
     * message; TLS 1.3: the Certificate entries' extensions), so they are in the handshake session.
     */
    record Capture(List<X509Certificate> chain, String protocol, String cipherSuite, List<byte[]> stapledOcsp) {
    }

    /** Empty until the server's Certificate message arrived. */
    Optional<Capture> capture() {
        return Optional.ofNullable(captured.get());
    }

    private void record(X509Certificate[] chain, SSLSession handshake) {
        if (chain != null && chain.length > 0) {
            String protocol = handshake != null ? handshake.getProtocol() : "unknown";
            String cipherSuite = handshake != null ? handshake.getCipherSuite() : "unknown";
            List<byte[]> stapled = handshake instanceof ExtendedSSLSession extended
                    ? List.copyOf(extended.getStatusResponses()) : List.of();
            captured.set(new Capture(List.of(chain), protocol, cipherSuite, stapled));
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        record(chain, socket instanceof SSLSocket tls ? tls.getHandshakeSession() : null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (chain != null && chain.length > maxChainLength) {
            throw new CertificateException("a chain of " + chain.length + " certificates, more than the "
                    + maxChainLength + " the JDK accepts");
        }
        record(chain, engine != null ? engine.getHandshakeSession() : null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        record(chain, null);
    }

    /** A probe is a client only; being asked to judge a client is a programming error. */
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("certcheck probes never act as a TLS server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("certcheck probes never act as a TLS server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("certcheck probes never act as a TLS server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
