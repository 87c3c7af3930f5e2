package org.certcheck.tls;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.certcheck.input.Protocol;
import org.certcheck.input.Target;
import org.certcheck.net.Conversation;
import org.certcheck.net.Durations;
import org.certcheck.net.UnexpectedAnswer;
import org.certcheck.tls.ProbeFailure.Kind;
import org.certcheck.tls.starttls.StartTls;

/**
 * The STARTTLS preamble of a probe, between the TCP connection and the TLS handshake, on the same
 * socket. It is charged to the handshake budget: the server's waiting time before and during the
 * handshake together stays within {@code --handshake-timeout}.
 */
final class StartTlsStep {
    private StartTlsStep() {
    }

    /**
     * @param remainingNanos what is left of the handshake budget when TLS may start
     * @param failure        set when TLS cannot start
     */
    record Outcome(long remainingNanos, Optional<ProbeFailure> failure) {
    }

    static Outcome run(Target target, Socket socket, ProbeSettings settings, long startNanos) {
        return run(target, socket, settings, settings.handshakeTimeout().toNanos(), startNanos);
    }

    /** With {@code budget} nanoseconds of the server's time for the preamble and the handshake together. */
    static Outcome run(Target target, Socket socket, ProbeSettings settings, long budget, long startNanos) {
        if (!target.protocol().isStartTls()) {
            return new Outcome(budget, Optional.empty());
        }
        String name = name(target.protocol());
        try {
            Conversation conversation = new Conversation(socket, name, budget);
            StartTls.of(target.protocol()).negotiate(conversation, target);
            return new Outcome(conversation.remainingNanos(), Optional.empty());
        } catch (IOException e) {
            return new Outcome(0, Optional.of(failure(target, name, e, settings, since(startNanos))));
        }
    }

    /**
     * A port that is some protocol's STARTTLS port answered a direct TLS probe with something else:
     * say which scheme to use.
     */
    static ProbeResult withSchemeHint(ProbeResult result) {
        if (!(result instanceof ProbeFailure failure) || failure.target().protocol().isStartTls()
                || (failure.kind() != Kind.NOT_TLS && failure.kind() != Kind.HANDSHAKE_TIMEOUT
                        && failure.kind() != Kind.CLOSED && failure.kind() != Kind.RESET)) {
            return result;
        }
        for (Protocol protocol : Protocol.values()) {
            if (protocol.isStartTls() && protocol.defaultPort() == failure.target().port()) {
                return new ProbeFailure(failure.target(), failure.kind(), failure.message() + "; port "
                        + protocol.defaultPort() + " is " + name(protocol) + "'s: for STARTTLS write "
                        + protocol.scheme() + "://" + failure.target().host() + " in the host file", failure.elapsed());
            }
        }
        return result;
    }

    private static ProbeFailure failure(Target target, String name, IOException e, ProbeSettings settings,
            Duration elapsed) {
        if (e instanceof UnexpectedAnswer) {
            return new ProbeFailure(target, Kind.STARTTLS, e.getMessage(), elapsed);
        }
        if (e instanceof SocketTimeoutException) {
            return new ProbeFailure(target, Kind.HANDSHAKE_TIMEOUT, "TCP connected but the " + name
                    + " exchange before TLS did not finish within " + Durations.seconds(settings.handshakeTimeout())
                    + ": " + e.getMessage(), elapsed);
        }
        if (e instanceof EOFException) {
            return new ProbeFailure(target, Kind.CLOSED, e.getMessage(), elapsed);
        }
        if (e instanceof SocketException && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) {
            return new ProbeFailure(target, Kind.RESET, "the connection was reset during the " + name
                    + " exchange before TLS", elapsed);
        }
        return new ProbeFailure(target, Kind.IO_ERROR, "the " + name + " exchange before TLS failed: "
                + FailureClassifier.describe(e), elapsed);
    }

    private static String name(Protocol protocol) {
        return switch (protocol) {
            case POSTGRES -> "PostgreSQL";
            case MYSQL -> "MySQL";
            default -> protocol.name();
        };
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
