package org.certcheck.tls;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

import org.certcheck.crypto.CurveProvider;
import org.conscrypt.Conscrypt;

/**
 * Makes the TLS client contexts for probes: Conscrypt's (see {@link ConscryptProvider}), or the
 * JVM's with or without the status_request extension (the request for a stapled OCSP response,
 * RFC 6066 section 8).
 *
 * <p>Conscrypt always asks for a staple and hands it over unparsed, so it needs no second context.
 * It offers the named groups of {@link #CONSCRYPT_GROUPS}, the hybrid post-quantum group first, as
 * current browsers do (Chrome 131, Firefox 132): a server that supports it picks it.
 *
 * <p>Why this exists: when a server staples bytes that are not an OCSP response, the JVM ends the
 * TLS 1.3 handshake while reading the Certificate message, before the certificate is handed over,
 * so it would never be judged. The probe then connects once more without asking for a staple.
 * JSSE offers no per-connection switch: it reads {@value Prober#STAPLING_PROPERTY} when an
 * {@link SSLContext} is constructed. So that property is set to false for the construction of that
 * one context only, under a lock that every probe's context creation takes, so no other probe can
 * see it; a user's own {@code -D} setting is put back as it was.
 */
final class ClientContexts {
    private static final Object LOCK = new Object();

    /**
     * X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem, codepoint 0x11EC) first, then the classical groups
     * browsers offer; BoringSSL sends key shares for the first two, so a classical server needs no
     * HelloRetryRequest. These are the names Conscrypt 2.7.0 knows (NativeSsl.toBoringSslGroup).
     */
    static final String[] CONSCRYPT_GROUPS = {"X25519MLKEM768", "X25519", "P-256", "P-384", "P-521"};

    private ClientContexts() {
    }

    /** An initialised client context of {@code engine} (a resolved one: Conscrypt or the JDK). */
    static SSLContext create(TlsEngine engine, boolean askForStaple, KeyManager keys, TrustManager trust)
            throws GeneralSecurityException {
        if (engine == TlsEngine.CONSCRYPT) {
            SSLContext context = SSLContext.getInstance("TLS", ConscryptProvider.provider().orElseThrow());
            context.init(new KeyManager[] {keys}, new TrustManager[] {trust}, null);
            // The socket factory shares the context's parameters, which every engine it makes copies:
            // Conscrypt 2.7.0 has this public switch for factories and sockets, none for engines.
            Conscrypt.setNamedGroups(context.getSocketFactory(), CONSCRYPT_GROUPS);
            return context;
        }
        SSLContext context = create(askForStaple);
        context.init(new KeyManager[] {keys}, new TrustManager[] {trust}, null);
        return context;
    }

    /**
     * A client engine of {@code context} that sends {@code serverName} as SNI, or no SNI at all, and
     * verifies no host name: certcheck's own HostnameCheck judges the recorded chain, so that a
     * mismatch is reported together with every other problem. The JDK's engine is told the peer
     * ({@code host}, {@code port}), which names its session; Conscrypt's is not.
     */
    static SSLEngine clientEngine(TlsEngine engine, SSLContext context, String host, int port,
            Optional<SNIHostName> serverName) {
        if (engine == TlsEngine.CONSCRYPT) {
            // No peer host, or Conscrypt would send it as SNI by itself. Its own switch sets the name
            // and nothing else: its get/setSSLParameters look methods up by reflection at every call
            // (about 2% of a fleet run's CPU). Its engines verify no host name unless asked to.
            SSLEngine client = context.createSSLEngine();
            client.setUseClientMode(true);
            serverName.ifPresent(name -> Conscrypt.setHostname(client, name.getAsciiName()));
            return client;
        }
        SSLEngine client = context.createSSLEngine(host, port);
        client.setUseClientMode(true);
        SSLParameters parameters = client.getSSLParameters();
        // An empty list, not null: JSSE would otherwise fill in a peer host by itself.
        parameters.setServerNames(serverName.<List<SNIServerName>>map(List::of).orElse(List.of()));
        parameters.setEndpointIdentificationAlgorithm(null);
        client.setSSLParameters(parameters);
        return client;
    }

    static SSLContext create(boolean askForStaple) throws NoSuchAlgorithmException {
        // The JDK's handshake crypto, with Bouncy Castle's curves first (see CurveProvider).
        CurveProvider.preferForThisProcess();
        synchronized (LOCK) {
            if (askForStaple) {
                return SSLContext.getInstance("TLS");
            }
            Optional<String> before = Optional.ofNullable(System.getProperty(Prober.STAPLING_PROPERTY));
            System.setProperty(Prober.STAPLING_PROPERTY, "false");
            try {
                return SSLContext.getInstance("TLS");
            } finally {
                before.ifPresentOrElse(value -> System.setProperty(Prober.STAPLING_PROPERTY, value),
                        () -> System.clearProperty(Prober.STAPLING_PROPERTY));
            }
        }
    }

    /**
     * Whether {@code failure} is the JVM refusing a stapled response it could not parse (its
     * status_request extension code, or its OCSP response parser, on the stack): the description to
     * report, or empty.
     */
    static Optional<String> unreadableStaple(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String type = frame.getClassName();
                if (type.startsWith("sun.security.ssl.CertStatusExtension")
                        || type.equals("sun.security.provider.certpath.OCSPResponse")) {
                    return Optional.of("the server stapled an OCSP response that the JVM cannot parse ("
                            + FailureClassifier.describe(t) + ")");
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
