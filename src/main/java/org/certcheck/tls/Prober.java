package org.certcheck.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;

import org.certcheck.input.IpLiteral;
import org.certcheck.input.Target;
import org.certcheck.tls.ProbeFailure.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TLS connection per target: resolve, connect, handshake with SNI, record what the server
 * presented, close. Every network outcome is returned as a {@link ProbeResult}; nothing escapes,
 * and nothing takes longer than the connect timeout plus the handshake timeout.
 */
public final class Prober {
    private static final Logger LOG = LoggerFactory.getLogger(Prober.class);

    /**
     * JSSE sends the status_request extension (asks the server to staple its OCSP response) unless
     * this property says false; it is read each time an SSLContext is made, so certcheck leaves it
     * alone and only says when a user turned it off.
     */
    static final String STAPLING_PROPERTY = "jdk.tls.client.enableStatusRequestExtension";

    private final ProbeSettings settings;
    private final Resolver resolver;
    private final ConnectionLimits limits;

    public Prober(ProbeSettings settings, Resolver resolver) {
        this(settings, resolver, ConnectionLimits.NONE);
    }

    public Prober(ProbeSettings settings, Resolver resolver, ConnectionLimits limits) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.limits = Objects.requireNonNull(limits, "limits");
        if ("false".equalsIgnoreCase(System.getProperty(STAPLING_PROPERTY, "true").trim())) {
            LOG.warn("-D{}=false: servers are not asked to staple OCSP responses, so certificates with"
                    + " Must-Staple will be reported as not stapled", STAPLING_PROPERTY);
        }
    }

    public ProbeResult probe(Target target) {
        long start = System.nanoTime();
        List<InetAddress> addresses;
        try {
            addresses = resolve(target);
        } catch (UnknownHostException e) {
            return new ProbeFailure(target, Kind.DNS, "cannot resolve " + target.host()
                    + ": no such host (check the name, or the DNS/hosts file of this machine)", since(start));
        } catch (TimeoutException e) {
            return new ProbeFailure(target, Kind.DNS, "name resolution for " + target.host() + " took longer than "
                    + seconds(settings.connectTimeout()), since(start));
        }

        Socket socket = null;
        ConnectionLimits.Permit permit = null;
        ProbeFailure lastFailure = null;
        long budgetStart = start;
        for (InetAddress address : addresses) {
            long beforeWait = System.nanoTime();
            try {
                permit = limits.acquire(address);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ProbeFailure(target, Kind.IO_ERROR, "interrupted before connecting", since(start));
            }
            // Waiting for our own politeness limits is not the server's slowness.
            budgetStart += System.nanoTime() - beforeWait;
            long remaining = settings.connectTimeout().toMillis() - Duration.ofNanos(System.nanoTime() - budgetStart).toMillis();
            if (remaining <= 0) {
                permit.close();
                break;
            }
            InetSocketAddress endpoint = new InetSocketAddress(address, target.port());
            Socket candidate = new Socket();
            try {
                candidate.connect(endpoint, (int) Math.min(Integer.MAX_VALUE, remaining));
                socket = candidate;
                break;
            } catch (IOException e) {
                closeQuietly(candidate);
                permit.close();
                lastFailure = FailureClassifier.connectFailure(target, endpoint, e, settings, since(start));
                LOG.debug("connect to {} failed: {}", endpoint, e.toString());
            }
        }
        if (socket == null) {
            return lastFailure != null ? lastFailure : new ProbeFailure(target, Kind.CONNECT_TIMEOUT,
                    "no connection within " + seconds(settings.connectTimeout()), since(start));
        }
        InetSocketAddress endpoint = (InetSocketAddress) socket.getRemoteSocketAddress();
        try (ConnectionLimits.Permit held = permit) {
            ProbeResult result = handshake(target, socket, start);
            if (result instanceof ProbeFailure failure && refusedByTls(failure.kind())) {
                // The server may speak only what this JVM disables (TLS 1.0/1.1, RC4, 3DES): read its
                // certificate with a legacy ClientHello, for this probe only (see LegacyHelloProbe).
                Optional<Handshake> legacy = LegacyHelloProbe.probe(target, endpoint, settings.handshakeTimeout(), start);
                if (legacy.isPresent()) {
                    return legacy.get();
                }
            }
            return result;
        }
    }

    private static boolean refusedByTls(Kind kind) {
        // A JVM that refuses the protocol or suite a server picked fails locally: an I/O error, no alert.
        return kind == Kind.TLS_ALERT || kind == Kind.CLOSED || kind == Kind.RESET || kind == Kind.IO_ERROR;
    }

    private List<InetAddress> resolve(Target target) throws UnknownHostException, TimeoutException {
        Optional<InetAddress> literal = IpLiteral.parse(target.host());
        if (literal.isPresent()) {
            return List.of(literal.get());
        }
        try {
            List<InetAddress> found = Background.submit(() -> resolver.resolve(target.host()))
                    .get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (found.isEmpty()) {
                throw new UnknownHostException(target.host());
            }
            return found;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw new UnknownHostException(target.host() + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        }
    }

    private ProbeResult handshake(Target target, Socket socket, long start) {
        RecordingTrustManager recorder = new RecordingTrustManager();
        AtomicBoolean timedOut = new AtomicBoolean();
        InetSocketAddress peer = (InetSocketAddress) socket.getRemoteSocketAddress();
        // The engine charges only the server's time to the budget (see EngineHandshake); this
        // wall-clock backstop ends a probe that is stuck for any other reason.
        ScheduledFuture<?> backstop = Background.schedule(() -> {
            timedOut.set(true);
            closeQuietly(socket);
        }, settings.handshakeTimeout().multipliedBy(3).plusSeconds(5));
        EngineHandshake handshake = null;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {recorder}, null);
            SSLEngine engine = context.createSSLEngine(target.host(), target.port());
            engine.setUseClientMode(true);
            engine.setSSLParameters(parameters(engine.getSSLParameters(), target));
            handshake = new EngineHandshake(engine, socket, settings.handshakeTimeout().toNanos());
            handshake.run();
            SSLSession session = engine.getSession();
            Optional<RecordingTrustManager.Capture> capture = recorder.capture();
            if (capture.isEmpty()) {
                return new ProbeFailure(target, Kind.IO_ERROR, "handshake completed without a server certificate"
                        + " (an anonymous or PSK cipher suite?)", since(start));
            }
            return new Handshake(target, peer, capture.get().chain(), session.getProtocol(), session.getCipherSuite(),
                    Optional.empty(), since(start), capture.get().stapledOcsp());
        } catch (IOException e) {
            boolean timeout = timedOut.get() || e instanceof SocketTimeoutException;
            Optional<RecordingTrustManager.Capture> capture = recorder.capture();
            if (capture.isPresent()) {
                // The certificate arrived before the failure (e.g. the server wants a client certificate):
                // judge it anyway and say what went wrong afterwards.
                String why = timeout ? "the handshake did not finish within " + seconds(settings.handshakeTimeout())
                        : FailureClassifier.describe(e);
                return new Handshake(target, peer, capture.get().chain(), capture.get().protocol(),
                        capture.get().cipherSuite(), Optional.of(why), since(start), capture.get().stapledOcsp());
            }
            return FailureClassifier.handshakeFailure(target, e, timeout, settings, since(start));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM offers no usable TLS implementation", e);
        } finally {
            backstop.cancel(false);
            if (handshake != null && !timedOut.get()) {
                handshake.close();
            }
            closeQuietly(socket);
        }
    }

    private static SSLParameters parameters(SSLParameters parameters, Target target) {
        if (!target.isIpLiteral()) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(target.host())));
            } catch (IllegalArgumentException e) {
                // Names such as under_score.corp are legal in DNS but not as SNI; connect without SNI.
                LOG.debug("no SNI for {}: {}", target.host(), e.getMessage());
            }
        }
        // Host name verification is done by certcheck's own HostnameCheck on the recorded chain,
        // so that a mismatch is reported together with every other problem.
        parameters.setEndpointIdentificationAlgorithm(null);
        return parameters;
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a probe socket that is already broken tells us nothing new.
        }
    }
}
