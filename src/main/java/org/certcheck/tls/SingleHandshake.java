package org.certcheck.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

import org.certcheck.input.Target;
import org.certcheck.net.Background;
import org.certcheck.net.Durations;
import org.certcheck.net.Sockets;
import org.certcheck.tls.ProbeFailure.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TLS handshake on a connected socket: the recording trust manager captures what the server
 * presents, the engine loop charges only the server's time to the budget, and the outcome is facts
 * ({@link Handshake}) or a classified {@link ProbeFailure}, with the chain kept when the failure came
 * after the Certificate message.
 */
final class SingleHandshake {
    private static final Logger LOG = LoggerFactory.getLogger(SingleHandshake.class);
    /** How long a TLS 1.3 server that asked for a client certificate gets to say whether it accepts ours. */
    private static final Duration CLIENT_VERDICT_WAIT = Duration.ofSeconds(3);

    private final ProbeSettings settings;
    private final Reach reach;

    SingleHandshake(ProbeSettings settings, Reach reach) {
        this.settings = settings;
        this.reach = reach;
    }

    /**
     * One handshake's outcome, what it left of the target's handshake budget, and whether an
     * unreadable staple ended it.
     */
    record Attempt(ProbeResult result, long remainingNanos, Optional<String> unreadableStaple) {
    }

    /**
     * One handshake on {@code socket} (closed when it ends) within {@code budgetNanos} of the server's
     * time, with {@code running}'s TLS; {@code askForStaple} sends the status_request extension.
     */
    Attempt run(Target target, Socket socket, InetSocketAddress peer, long budgetNanos, long start,
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
            SSLEngine engine = ClientContexts.clientEngine(running, context, target.host(), target.port(),
                    serverName(reach.sni().forTarget(target)));
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

    private static Optional<SNIHostName> serverName(Optional<String> name) {
        try {
            return name.map(SNIHostName::new);
        } catch (IllegalArgumentException e) {
            // Names such as under_score.corp are legal in DNS but not as SNI; connect without SNI.
            LOG.debug("no SNI for {}: {}", name.get(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
