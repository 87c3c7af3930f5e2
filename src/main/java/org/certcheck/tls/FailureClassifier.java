package org.certcheck.tls;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

import javax.net.ssl.SSLException;

import org.certcheck.input.Target;
import org.certcheck.tls.ProbeFailure.Kind;

/** Turns the exceptions of sockets and JSSE into {@link ProbeFailure}s a person can act on. */
final class FailureClassifier {
    private FailureClassifier() {
    }

    static ProbeFailure connectFailure(Target target, InetSocketAddress endpoint, IOException e,
                                       ProbeSettings settings, Duration elapsed) {
        String where = endpoint.getAddress().getHostAddress() + " port " + endpoint.getPort();
        if (e instanceof SocketTimeoutException) {
            return new ProbeFailure(target, Kind.CONNECT_TIMEOUT, "no TCP connection to " + where + " within "
                    + Prober.seconds(settings.connectTimeout()) + " (host down or port filtered?)", elapsed);
        }
        if (e instanceof NoRouteToHostException || e instanceof PortUnreachableException) {
            return new ProbeFailure(target, Kind.UNREACHABLE, "no route to " + where, elapsed);
        }
        if (e instanceof ConnectException) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("refused")) {
                return new ProbeFailure(target, Kind.REFUSED, "connection refused by " + where
                        + ": nothing listens on that port", elapsed);
            }
            if (message.contains("unreachable")) {
                return new ProbeFailure(target, Kind.UNREACHABLE, "network unreachable for " + where, elapsed);
            }
        }
        return new ProbeFailure(target, Kind.IO_ERROR, "cannot connect to " + where + ": " + describe(e), elapsed);
    }

    static ProbeFailure handshakeFailure(Target target, IOException e, boolean deadlinePassed,
                                         ProbeSettings settings, Duration elapsed) {
        if (deadlinePassed || e instanceof SocketTimeoutException) {
            return new ProbeFailure(target, Kind.HANDSHAKE_TIMEOUT, "TCP connected but no TLS handshake within "
                    + Prober.seconds(settings.handshakeTimeout()) + " (the server accepts connections but does not"
                    + " answer TLS)", elapsed);
        }
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("plaintext connection")) {
            return new ProbeFailure(target, Kind.NOT_TLS, "the server answered, but not with TLS"
                    + " (plain HTTP or another protocol on this port?)", elapsed);
        }
        if (lower.contains("received fatal alert")) {
            String alert = message.substring(lower.indexOf("received fatal alert") + "received fatal alert".length())
                    .replaceFirst("^[: ]+", "");
            return new ProbeFailure(target, Kind.TLS_ALERT, "the server refused the handshake with TLS alert \""
                    + alert + "\"" + alertHint(alert), elapsed);
        }
        if (isReset(e)) {
            return new ProbeFailure(target, Kind.RESET, "the connection was reset during the handshake", elapsed);
        }
        if (isClosed(e)) {
            return new ProbeFailure(target, Kind.CLOSED, "the server closed the connection during the handshake"
                    + " without sending a certificate", elapsed);
        }
        return new ProbeFailure(target, Kind.IO_ERROR, "handshake failed: " + describe(e), elapsed);
    }

    /** The innermost meaningful message of an exception chain, for reports. */
    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private static String alertHint(String alert) {
        if (alert.contains("protocol_version")) {
            return ": no TLS version in common (the server may speak only TLS 1.0/1.1)";
        }
        if (alert.contains("handshake_failure")) {
            return ": no cipher suite or key type in common, or the server does not serve this name (SNI)";
        }
        if (alert.contains("unrecognized_name")) {
            return ": the server does not serve this name (SNI)";
        }
        return "";
    }

    private static boolean isReset(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isClosed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("remote host terminated") || message.contains("closed by remote")
                    || (t instanceof SSLException && message.contains("end of stream"))) {
                return true;
            }
        }
        return false;
    }
}
