package org.certcheck.tls;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLProtocolException;

import org.certcheck.input.Target;
import org.certcheck.net.Durations;
import org.certcheck.net.Failures;
import org.certcheck.tls.ProbeFailure.Kind;

/** Turns the exceptions of sockets and JSSE into {@link ProbeFailure}s a person can act on. */
final class FailureClassifier {
    /** JSSE's texts for its limits (sun.security.ssl, JDK 17 and later); the numbers are read from them. */
    private static final Pattern CHAIN_LENGTH = Pattern.compile(
            "certificate chain length \\((\\d+)\\) exceeds the maximum allowed length \\((\\d+)\\)");
    private static final Pattern MESSAGE_SIZE = Pattern.compile(
            "size of the handshake message \\((\\d+)\\) exceeds the maximum allowed size \\((\\d+)\\)");
    private FailureClassifier() {
    }

    static ProbeFailure handshakeFailure(Target target, IOException e, boolean deadlinePassed,
                                         ProbeSettings settings, Duration elapsed) {
        if (e instanceof EngineHandshake.BudgetExhausted budget && budget.bytesRead() > 0) {
            return new ProbeFailure(target, Kind.HANDSHAKE_TIMEOUT, "the server sent only " + budget.bytesRead()
                    + " bytes in " + Durations.seconds(settings.handshakeTimeout()) + " and did not finish the TLS"
                    + " handshake (it trickles its answer, or is overloaded)", elapsed);
        }
        if (deadlinePassed || e instanceof SocketTimeoutException) {
            return new ProbeFailure(target, Kind.HANDSHAKE_TIMEOUT, "TCP connected but no TLS handshake within "
                    + Durations.seconds(settings.handshakeTimeout()) + " (the server accepts connections but does not"
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
        Optional<ProbeFailure> misbehaviour = misbehaviour(target, e, elapsed);
        if (misbehaviour.isPresent()) {
            return misbehaviour.get();
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

    /**
     * A server that sends too much or sends broken TLS: the limits certcheck (and Java's TLS)
     * enforce so that no server can make a probe hang or eat memory, a certificate that does not
     * parse, a record or message that breaks the protocol.
     */
    private static Optional<ProbeFailure> misbehaviour(Target target, IOException e, Duration elapsed) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof EngineHandshake.ReadLimitExceeded) {
            return Optional.of(new ProbeFailure(target, Kind.LIMIT_EXCEEDED, message + ", the most certcheck reads"
                    + " from one server (a handshake needs a few KiB): the server floods the connection", elapsed));
        }
        Matcher chain = CHAIN_LENGTH.matcher(message);
        if (chain.find()) {
            return Optional.of(new ProbeFailure(target, Kind.LIMIT_EXCEEDED, "the server sent a chain of at least "
                    + chain.group(1) + " certificates (Java stops counting there), more than the " + chain.group(2) + " certcheck accepts"
                    + " (Java's jdk.tls.maxCertificateChainLength): configure it to send only its own certificate"
                    + " and the intermediate CA certificates", elapsed));
        }
        Matcher size = MESSAGE_SIZE.matcher(message);
        if (size.find()) {
            return Optional.of(new ProbeFailure(target, Kind.LIMIT_EXCEEDED, "the server sent a TLS handshake"
                    + " message of " + kib(size.group(1)) + ", more than the " + kib(size.group(2)) + " certcheck accepts"
                    + " (--max-handshake-message): a certificate chain this large means a"
                    + " misconfigured server (a whole CA bundle sent as its chain, or a certificate with thousands"
                    + " of names)", elapsed));
        }
        if (message.contains("Empty server certificate chain")) {
            return Optional.of(new ProbeFailure(target, Kind.BAD_CERTIFICATE, "the server sent an empty certificate"
                    + " list: it has no certificate configured (for this name?)", elapsed));
        }
        if (message.contains("parse server certificate") || hasCause(e, CertificateException.class)) {
            return Optional.of(new ProbeFailure(target, Kind.BAD_CERTIFICATE, "the server sent a certificate that"
                    + " cannot be parsed (" + innermost(e) + "): Java clients cannot connect; save the chain with"
                    + " `openssl s_client -showcerts` and run `certcheck verify` on it to see the field at fault,"
                    + " or reinstall the server's certificate", elapsed));
        }
        if (hasCause(e, SSLProtocolException.class)) {
            return Optional.of(new ProbeFailure(target, Kind.PROTOCOL_ERROR, "the server broke the TLS protocol ("
                    + describe(e) + "): a faulty TLS implementation, or something that only looks like TLS", elapsed));
        }
        return Optional.empty();
    }

    /** {@code 119332} as {@code 119332 bytes (117 KiB)}: exact for scripts, readable for people. */
    private static String kib(String bytes) {
        try {
            return bytes + " bytes (" + Long.parseLong(bytes) / 1024 + " KiB)";
        } catch (NumberFormatException e) {
            return bytes + " bytes";
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The message of the deepest cause that has one: the parser's own words, not its wrappers'. */
    private static String innermost(Throwable e) {
        String found = describe(e);
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                found = t.getMessage();
            }
        }
        return found;
    }

    /** The innermost meaningful message of an exception chain, for reports. */
    static String describe(Throwable e) {
        return Failures.describe(e);
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
