package org.certcheck.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLEngine;

import org.certcheck.input.IpLiteral;
import org.certcheck.input.Target;
import org.certcheck.net.AddressLookup;
import org.certcheck.net.Background;
import org.certcheck.net.ConnectionLimits;
import org.certcheck.net.ProxyTunnel;
import org.certcheck.net.OpenedConnection;
import org.certcheck.net.DirectConnect;
import org.certcheck.net.Durations;
import org.certcheck.net.HttpProxy;
import org.certcheck.net.Resolver;
import org.certcheck.net.Sockets;
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
    /** How long a TLS 1.3 server that asked for a client certificate gets to say whether it accepts ours. */
    private static final Duration CLIENT_VERDICT_WAIT = Duration.ofSeconds(3);

    /**
     * JSSE sends the status_request extension (asks the server to staple its OCSP response) unless
     * this property says false; it is read each time an SSLContext is made, so certcheck leaves it
     * alone and only says when a user turned it off.
     */
    static final String STAPLING_PROPERTY = "jdk.tls.client.enableStatusRequestExtension";

    private final ProbeSettings settings;
    private final Resolver resolver;
    private final ConnectionLimits limits;
    private final Reach reach;
    /** The engine that makes this prober's handshakes first: Conscrypt or the JDK, resolved. */
    private final TlsEngine engine;

    public Prober(ProbeSettings settings, Resolver resolver) {
        this(settings, resolver, ConnectionLimits.NONE);
    }

    public Prober(ProbeSettings settings, Resolver resolver, ConnectionLimits limits) {
        this(settings, resolver, limits, Reach.DEFAULT);
    }

    public Prober(ProbeSettings settings, Resolver resolver, ConnectionLimits limits, Reach reach) {
        this(settings, resolver, limits, reach, TlsEngine.configured());
    }

    /** @param engine which TLS engine makes the handshakes (see {@link TlsEngine}); the JDK's is the fallback */
    public Prober(ProbeSettings settings, Resolver resolver, ConnectionLimits limits, Reach reach, TlsEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine").resolved();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.reach = Objects.requireNonNull(reach, "reach");
        if ("false".equalsIgnoreCase(System.getProperty(STAPLING_PROPERTY, "true").trim())) {
            LOG.warn("-D{}=false: servers are not asked to staple OCSP responses, so certificates with"
                    + " Must-Staple will be reported as not stapled", STAPLING_PROPERTY);
        }
    }

    /**
     * With {@code --all-addresses}: one probe per address of the target's name (in the family
     * asked for), each connecting to that address while sending and checking the name. A target
     * that already names its address, or is one, is probed once; a name that cannot be resolved
     * gives its one DNS failure.
     */
    public List<ProbeResult> probeEveryAddress(Target target) {
        if (target.connectTo().isPresent() || target.isIpLiteral()) {
            return List.of(probe(target));
        }
        long start = System.nanoTime();
        Addresses addresses = addresses(target, start);
        if (addresses.failure().isPresent()) {
            return List.of(addresses.failure().get());
        }
        return addresses.usable().stream().map(address -> probe(target.connectingTo(IpLiteral.text(address)))).toList();
    }

    public ProbeResult probe(Target target) {
        long start = System.nanoTime();
        Optional<HttpProxy> proxy = reach.proxies().forTarget(target);
        if (proxy.isPresent()) {
            return throughProxy(target, proxy.get(), start);
        }
        Addresses addresses = addresses(target, start);
        if (addresses.failure().isPresent()) {
            return addresses.failure().get();
        }
        OpenedConnection connection = DirectConnect.open(addresses.usable(), target.port(), limits,
                settings.connectTimeout(), start);
        if (connection instanceof OpenedConnection.Failed failed) {
            return ProbeFailure.of(target, failed.failure());
        }
        OpenedConnection.Open open = (OpenedConnection.Open) connection;
        InetSocketAddress endpoint = (InetSocketAddress) open.socket().getRemoteSocketAddress();
        try (ConnectionLimits.Permit held = open.permit()) {
            return overConnection(target, open.socket(), endpoint, () -> DirectConnect.reopen(endpoint, settings.connectTimeout()),
                    start);
        }
    }

    /** The probe through an HTTP CONNECT tunnel; the peer is the target as the proxy was asked for it. */
    private ProbeResult throughProxy(Target target, HttpProxy proxy, long start) {
        OpenedConnection tunnel = ProxyTunnel.open(target, proxy, resolver, limits, settings.connectTimeout(), start);
        if (tunnel instanceof OpenedConnection.Failed failed) {
            return ProbeFailure.of(target, failed.failure());
        }
        OpenedConnection.Open open = (OpenedConnection.Open) tunnel;
        try (ConnectionLimits.Permit held = open.permit()) {
            // A second tunnel for the legacy fallback is covered by the permit this probe already holds.
            return overConnection(target, open.socket(),
                    InetSocketAddress.createUnresolved(target.connectHost(), target.port()), () -> {
                        OpenedConnection again = ProxyTunnel.open(target, proxy, resolver, ConnectionLimits.NONE,
                                settings.connectTimeout(), start);
                        if (again instanceof OpenedConnection.Open reopened) {
                            return reopened.socket();
                        }
                        throw new IOException(((OpenedConnection.Failed) again).failure().message());
                    }, start);
        }
    }

    /** The target's addresses in the family asked for, or the DNS failure that ends its probe. */
    private record Addresses(List<InetAddress> usable, Optional<ProbeFailure> failure) {
    }

    private Addresses addresses(Target target, long start) {
        AddressLookup.Result lookup = AddressLookup.of(target.connectHost(), resolver, settings.connectTimeout());
        if (lookup instanceof AddressLookup.Failed failed) {
            String message = switch (failed.problem()) {
                case NO_SUCH_HOST -> "cannot resolve " + target.host()
                        + ": no such host (check the name, or the DNS/hosts file of this machine)";
                case TIMED_OUT -> "name resolution for " + target.host() + " took longer than "
                        + Durations.seconds(settings.connectTimeout());
                case RESOLVER_ERROR -> "cannot resolve " + target.host() + ": " + failed.detail();
            };
            return new Addresses(List.of(), Optional.of(new ProbeFailure(target, Kind.DNS, message, since(start))));
        }
        List<InetAddress> found = ((AddressLookup.Found) lookup).addresses();
        List<InetAddress> usable = reach.family().filter(found);
        if (usable.isEmpty()) {
            return new Addresses(List.of(), Optional.of(new ProbeFailure(target, Kind.DNS,
                    reach.family().noneOf(target.connectHost(), found), since(start))));
        }
        return new Addresses(usable, Optional.empty());
    }

    /** Opens one more connection to the same server the same way (directly or through the proxy). */
    private interface Reconnect {
        Socket open() throws IOException;
    }

    /**
     * The STARTTLS preamble (if any), then the handshake on {@code socket}; when the JVM's TLS stack
     * is refused, the certificate is read once more with a legacy ClientHello over a fresh
     * connection made by {@code reconnect} (repeating the STARTTLS preamble). The caller holds the
     * connection permit for all of it.
     */
    private ProbeResult overConnection(Target target, Socket socket, InetSocketAddress peer, Reconnect reconnect,
            long start) {
        StartTlsStep.Outcome preamble = StartTlsStep.run(target, socket, settings, start);
        if (preamble.failure().isPresent()) {
            Sockets.closeQuietly(socket);
            return preamble.failure().get();
        }
        Attempt attempt = handshake(target, socket, peer, preamble.remainingNanos(), start, true, engine);
        EngineRun ran = EngineRun.of(engine);
        if (engine == TlsEngine.CONSCRYPT && attempt.result() instanceof ProbeFailure refused
                && jdkMayDoBetter(refused.kind()) && attempt.remainingNanos() > 0) {
            // BoringSSL speaks less than the JDK (no finite-field DHE, no brainpool or secp256k1, a
            // 100 KiB chain at most): the JDK gets what the first try left of the budget, and its
            // words describe a failure that both engines share.
            Optional<Attempt> jdk = onJdk(target, peer, reconnect, attempt, start);
            if (jdk.isPresent() && jdk.get().result() instanceof ProbeFailure late
                    && late.kind() == Kind.HANDSHAKE_TIMEOUT) {
                // A JDK try that ran out of the budget's rest tells less than Conscrypt's own failure.
                attempt = new Attempt(refused, jdk.get().remainingNanos(), Optional.empty());
            } else if (jdk.isPresent()) {
                attempt = jdk.get();
                ran = EngineRun.jdkAfterConscrypt(refused.message());
            }
        }
        if (attempt.unreadableStaple().isPresent() && attempt.remainingNanos() > 0) {
            Optional<Handshake> again = withoutStaple(target, peer, reconnect, attempt, start);
            if (again.isPresent()) {
                return again.get().withEngine(ran);
            }
        }
        ProbeResult result = attempt.result();
        if (result instanceof Handshake handshake) {
            return handshake.withEngine(ran);
        }
        if (result instanceof ProbeFailure failure && refusedByTls(failure.kind()) && attempt.remainingNanos() > 0) {
            // The server may speak only what this JVM disables (TLS 1.0/1.1, RC4, 3DES): read its
            // certificate with a legacy ClientHello, for this probe only (see LegacyHelloProbe). The
            // handshake timeout is one budget per target: the fallback gets what the first try left.
            Optional<Handshake> legacy = legacy(target, peer, reconnect, attempt.remainingNanos(), failure.message(),
                    start);
            if (legacy.isPresent()) {
                return legacy.get().withEngine(EngineRun.LEGACY);
            }
        }
        return StartTlsStep.withSchemeHint(result);
    }

    /** Conscrypt's failure is worth a second try with the JDK: not when the server was too slow. */
    private static boolean jdkMayDoBetter(Kind kind) {
        return kind != Kind.HANDSHAKE_TIMEOUT && kind != Kind.LIMIT_EXCEEDED;
    }

    /** The handshake once more, by the JDK, over a new connection (repeating the STARTTLS preamble). */
    private Optional<Attempt> onJdk(Target target, InetSocketAddress peer, Reconnect reconnect, Attempt first,
            long start) {
        try {
            Socket socket = reconnect.open();
            StartTlsStep.Outcome preamble = StartTlsStep.run(target, socket, settings, first.remainingNanos(), start);
            if (preamble.failure().isPresent()) {
                Sockets.closeQuietly(socket);
                return Optional.empty();
            }
            return Optional.of(handshake(target, socket, peer, preamble.remainingNanos(), start, true, TlsEngine.JDK));
        } catch (IOException e) {
            LOG.debug("second handshake with {} (JDK engine) not made: {}", peer, e.toString());
            return Optional.empty();
        }
    }

    /** The handshake once more, asking for no staple, after an unreadable one ended the first (see ClientContexts). */
    private Optional<Handshake> withoutStaple(Target target, InetSocketAddress peer, Reconnect reconnect,
            Attempt first, long start) {
        try {
            Socket socket = reconnect.open();
            StartTlsStep.Outcome preamble = StartTlsStep.run(target, socket, settings, first.remainingNanos(), start);
            if (preamble.failure().isPresent()) {
                Sockets.closeQuietly(socket);
                return Optional.empty();
            }
            if (handshake(target, socket, peer, preamble.remainingNanos(), start, false, TlsEngine.JDK).result()
                    instanceof Handshake handshake) {
                return Optional.of(handshake.withUnreadableStaple(first.unreadableStaple().get(), since(start)));
            }
        } catch (IOException e) {
            LOG.debug("second handshake with {} (no staple asked) not made: {}", peer, e.toString());
        }
        return Optional.empty();
    }

    private Optional<Handshake> legacy(Target target, InetSocketAddress peer, Reconnect reconnect, long budgetNanos,
            String firstFailure, long start) {
        try (Socket socket = reconnect.open()) {
            StartTlsStep.Outcome preamble = StartTlsStep.run(target, socket, settings, budgetNanos, start);
            if (preamble.failure().isPresent() || preamble.remainingNanos() <= 0) {
                return Optional.empty();
            }
            return LegacyHelloProbe.probe(target, socket, peer, reach.sni().forTarget(target),
                    Duration.ofNanos(preamble.remainingNanos()), firstFailure, start);
        } catch (IOException e) {
            LOG.debug("legacy ClientHello to {} not sent: {}", peer, e.toString());
            return Optional.empty();
        }
    }

    private static boolean refusedByTls(Kind kind) {
        // A JVM that refuses the protocol or suite a server picked fails locally: an I/O error, no alert.
        return kind == Kind.TLS_ALERT || kind == Kind.CLOSED || kind == Kind.RESET || kind == Kind.IO_ERROR;
    }

    /**
     * One handshake's outcome, what it left of the target's handshake budget, and whether an
     * unreadable staple ended it.
     */
    private record Attempt(ProbeResult result, long remainingNanos, Optional<String> unreadableStaple) {
    }

    private Attempt handshake(Target target, Socket socket, InetSocketAddress peer, long budgetNanos, long start,
            boolean askForStaple, TlsEngine running) {
        Trace trace = new Trace();
        ProbeResult result = handshake(target, socket, peer, budgetNanos, start, askForStaple, running, trace);
        return new Attempt(result, trace.engine == null ? budgetNanos : trace.engine.remainingNanos(),
                trace.unreadableStaple);
    }

    /** What one handshake leaves behind besides its result, filled in as it runs. */
    private static final class Trace {
        private EngineHandshake engine;
        private Optional<String> unreadableStaple = Optional.empty();
    }

    private ProbeResult handshake(Target target, Socket socket, InetSocketAddress peer, long budgetNanos, long start,
            boolean askForStaple, TlsEngine running, Trace trace) {
        RecordingTrustManager recorder = running == TlsEngine.CONSCRYPT ? RecordingTrustManager.withJdkChainLimit()
                : new RecordingTrustManager();
        AtomicBoolean timedOut = new AtomicBoolean();
        // The engine charges only the server's time to the budget (see EngineHandshake); this
        // wall-clock backstop ends a probe that is stuck for any other reason.
        ScheduledFuture<?> backstop = Background.schedule(() -> {
            timedOut.set(true);
            Sockets.closeQuietly(socket);
        }, settings.handshakeTimeout().multipliedBy(3).plusSeconds(5));
        EngineHandshake handshake = null;
        ClientKeyManager keys = new ClientKeyManager(reach.client());
        try {
            SSLContext context = ClientContexts.create(running, askForStaple, keys, recorder);
            // Conscrypt would send the peer host as SNI by itself: it gets none, and the SNI of the parameters.
            SSLEngine engine = running == TlsEngine.CONSCRYPT ? context.createSSLEngine()
                    : context.createSSLEngine(target.host(), target.port());
            engine.setUseClientMode(true);
            engine.setSSLParameters(parameters(engine.getSSLParameters(), reach.sni().forTarget(target)));
            handshake = new EngineHandshake(engine, socket, budgetNanos, () -> recorder.capture().isPresent());
            trace.engine = handshake;
            handshake.run();
            SSLSession session = engine.getSession();
            Optional<RecordingTrustManager.Capture> capture = recorder.capture();
            if (capture.isEmpty()) {
                return new ProbeFailure(target, Kind.IO_ERROR, "handshake completed without a server certificate"
                        + " (an anonymous or PSK cipher suite?)", since(start));
            }
            Optional<String> refusal = Optional.empty();
            if (keys.request().isPresent() && "TLSv1.3".equals(session.getProtocol())) {
                refusal = handshake.refusalAfterHandshake(Math.min(CLIENT_VERDICT_WAIT.toNanos(),
                        settings.handshakeTimeout().toNanos()));
            }
            return new Handshake(target, peer, capture.get().chain(), session.getProtocol(), session.getCipherSuite(),
                    refusal, since(start), capture.get().stapledOcsp(), keys.request(),
                    KeyProof.completed(session.getProtocol()), Optional.empty(), handshake.keyExchange());
        } catch (IOException thrown) {
            IOException e = BoringSslErrors.translate(thrown);
            boolean timeout = timedOut.get() || e instanceof SocketTimeoutException;
            Optional<RecordingTrustManager.Capture> capture = recorder.capture();
            if (capture.isPresent()) {
                // The certificate arrived before the failure (e.g. the server wants a client certificate):
                // judge it anyway and say what went wrong afterwards.
                String why = timeout ? "the handshake did not finish within " + Durations.seconds(settings.handshakeTimeout())
                        : FailureClassifier.describe(e);
                return new Handshake(target, peer, capture.get().chain(), capture.get().protocol(),
                        capture.get().cipherSuite(), Optional.of(why), since(start), capture.get().stapledOcsp(),
                        keys.request(), KeyProof.beforeFailure(capture.get().protocol(), capture.get().cipherSuite(),
                                handshake != null && handshake.answeredCertificate(), why), Optional.empty(),
                        handshake != null ? handshake.keyExchange() : Optional.empty());
            }
            trace.unreadableStaple = ClientContexts.unreadableStaple(e);
            return FailureClassifier.handshakeFailure(target, e, timeout, settings, since(start));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM offers no usable TLS implementation", e);
        } finally {
            backstop.cancel(false);
            if (handshake != null && !timedOut.get()) {
                handshake.close();
            }
            if (handshake != null) {
                handshake.release();
            }
            Sockets.closeQuietly(socket);
        }
    }

    private static SSLParameters parameters(SSLParameters parameters, Optional<String> serverName) {
        // An empty list, not null: JSSE would otherwise fill in the engine's peer host by itself.
        parameters.setServerNames(List.of());
        if (serverName.isPresent()) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(serverName.get())));
            } catch (IllegalArgumentException e) {
                // Names such as under_score.corp are legal in DNS but not as SNI; connect without SNI.
                LOG.debug("no SNI for {}: {}", serverName.get(), e.getMessage());
            }
        }
        // Host name verification is done by certcheck's own HostnameCheck on the recorded chain,
        // so that a mismatch is reported together with every other problem.
        parameters.setEndpointIdentificationAlgorithm(null);
        return parameters;
    }


    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
