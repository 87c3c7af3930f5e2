package org.certcheck.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

import org.certcheck.input.Target;
import org.certcheck.net.Sockets;
import org.certcheck.tls.ProbeFailure.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handshake over one connection, and the second tries a refused one deserves, each within what
 * the first left of the target's one handshake budget: the JDK after Conscrypt, the JDK without the
 * status_request extension after an unreadable staple, and a legacy ClientHello after a refusal.
 */
final class FallbackChain {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackChain.class);

    private final ProbeSettings settings;
    private final Reach reach;
    private final TlsEngine engine;
    private final SingleHandshake single;

    FallbackChain(ProbeSettings settings, Reach reach, TlsEngine engine) {
        this.settings = settings;
        this.reach = reach;
        this.engine = engine;
        this.single = new SingleHandshake(settings, reach);
    }

    /** Opens one more connection to the same server (directly, or through a new tunnel). */
    interface Reconnect {
        Socket open() throws IOException;
    }

    /**
     * The STARTTLS preamble (if any), then the handshake on {@code socket}; when the JVM's TLS stack
     * is refused, the certificate is read once more with a legacy ClientHello over a fresh
     * connection made by {@code reconnect} (repeating the STARTTLS preamble). The caller holds the
     * connection permit for all of it.
     */
    ProbeResult overConnection(Target target, Socket socket, InetSocketAddress peer, Reconnect reconnect,
            long start) {
        StartTlsStep.Outcome preamble = StartTlsStep.run(target, socket, settings, start);
        if (preamble.failure().isPresent()) {
            Sockets.closeQuietly(socket);
            return preamble.failure().get();
        }
        SingleHandshake.Attempt attempt = single.run(target, socket, peer, preamble.remainingNanos(), start, true,
                engine);
        EngineRun ran = EngineRun.of(engine);
        if (engine == TlsEngine.CONSCRYPT && attempt.result() instanceof ProbeFailure refused
                && jdkMayDoBetter(refused.kind()) && attempt.remainingNanos() > 0) {
            // BoringSSL speaks less than the JDK (no finite-field DHE, no brainpool or secp256k1, a
            // 100 KiB chain at most): the JDK gets what the first try left of the budget, and its
            // words describe a failure that both engines share.
            Optional<SingleHandshake.Attempt> jdk = onJdk(target, peer, reconnect, attempt, start);
            if (jdk.isPresent() && jdk.get().result() instanceof ProbeFailure late
                    && late.kind() == Kind.HANDSHAKE_TIMEOUT) {
                // A JDK try that ran out of the budget's rest tells less than Conscrypt's own failure.
                attempt = new SingleHandshake.Attempt(refused, jdk.get().remainingNanos(), Optional.empty());
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
    private Optional<SingleHandshake.Attempt> onJdk(Target target, InetSocketAddress peer, Reconnect reconnect,
            SingleHandshake.Attempt first, long start) {
        return again(target, peer, reconnect, first, start, true, "JDK engine");
    }

    /** The handshake once more, asking for no staple, after an unreadable one ended the first (see ClientContexts). */
    private Optional<Handshake> withoutStaple(Target target, InetSocketAddress peer, Reconnect reconnect,
            SingleHandshake.Attempt first, long start) {
        return again(target, peer, reconnect, first, start, false, "no staple asked")
                .filter(attempt -> attempt.result() instanceof Handshake)
                .map(attempt -> ((Handshake) attempt.result())
                        .withUnreadableStaple(first.unreadableStaple().get(), since(start)));
    }

    /** A JDK handshake over a new connection, with what the first attempt left of the budget. */
    private Optional<SingleHandshake.Attempt> again(Target target, InetSocketAddress peer, Reconnect reconnect,
            SingleHandshake.Attempt first, long start, boolean askForStaple, String why) {
        try {
            Socket socket = reconnect.open();
            StartTlsStep.Outcome preamble = StartTlsStep.run(target, socket, settings, first.remainingNanos(), start);
            if (preamble.failure().isPresent()) {
                Sockets.closeQuietly(socket);
                return Optional.empty();
            }
            return Optional.of(single.run(target, socket, peer, preamble.remainingNanos(), start, askForStaple,
                    TlsEngine.JDK));
        } catch (IOException e) {
            LOG.debug("second handshake with {} ({}) not made: {}", peer, why, e.toString());
            return Optional.empty();
        }
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

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
