package org.certcheck.net;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certcheck.input.IpLiteral;
import org.certcheck.input.Target;

/**
 * A TCP tunnel to a target through an HTTP proxy: connect to the proxy, send {@code CONNECT
 * host:port} (RFC 9110 section 9.3.6), and accept a 2xx answer; the socket then carries the
 * target's bytes. The proxy resolves the target's name, unless the target names its address.
 * Everything up to the tunnel counts against the connect timeout; every failure is a
 * {@code probe.proxy} result naming the proxy and what it said.
 */
public final class ProxyTunnel {
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] ([0-9]{3})(?: .*)?");
    /** Response headers of a CONNECT answer are few; more is not a proxy we want to talk to. */
    private static final int MAX_HEADER_LINES = 100;

    private ProxyTunnel() {
    }

    /**
     * A tunnel to {@code target} through {@code proxy}, or why there is none.
     *
     * @param connectTimeout for each connection to the proxy, and for its answer to CONNECT
     */
    public static OpenedConnection open(Target target, HttpProxy proxy, Resolver resolver, ConnectionLimits limits,
            Duration connectTimeout, long startNanos) {
        AddressLookup.Result lookup = AddressLookup.of(proxy.host(), resolver, connectTimeout);
        if (lookup instanceof AddressLookup.Failed failed) {
            return failed("cannot resolve the proxy " + proxy.host() + ": " + switch (failed.problem()) {
                case NO_SUCH_HOST -> "no such host";
                case TIMED_OUT -> "no answer within " + Durations.seconds(connectTimeout);
                case RESOLVER_ERROR -> failed.detail();
            } + " (check --proxy or https_proxy)", startNanos);
        }
        String lastError = "no address";
        for (InetAddress address : ((AddressLookup.Found) lookup).addresses()) {
            ConnectionLimits.Permit permit;
            try {
                permit = limits.acquire(address);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed("interrupted before connecting to the proxy", startNanos);
            }
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, proxy.port()),
                        (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
            } catch (IOException e) {
                Sockets.closeQuietly(socket);
                permit.close();
                lastError = IpLiteral.text(address) + " port " + proxy.port() + ": " + Failures.describe(e);
                continue;
            }
            Optional<String> refusal = connect(socket, target, proxy, connectTimeout);
            if (refusal.isEmpty()) {
                return new OpenedConnection.Open(socket, permit);
            }
            Sockets.closeQuietly(socket);
            permit.close();
            return failed(refusal.get(), startNanos);
        }
        return failed("cannot connect to the proxy " + proxy.display() + " (" + lastError + ")", startNanos);
    }

    /** Sends CONNECT and reads the answer; empty when the tunnel is open, otherwise why not. */
    private static Optional<String> connect(Socket socket, Target target, HttpProxy proxy, Duration connectTimeout) {
        String authority = (target.connectHost().indexOf(':') >= 0 ? "[" + target.connectHost() + "]"
                : target.connectHost()) + ":" + target.port();
        String what = "the proxy " + proxy.display() + " ";
        try {
            Conversation http = new Conversation(socket, "HTTP proxy", connectTimeout.toNanos());
            http.send("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n"
                    + proxy.authorization().map(value -> "Proxy-Authorization: " + value + "\r\n").orElse("")
                    + "\r\n");
            String status = http.readLine();
            for (int i = 0; ; i++) {
                if (http.readLine().isEmpty()) {
                    break;
                }
                if (i >= MAX_HEADER_LINES) {
                    return Optional.of(what + "sent more than " + MAX_HEADER_LINES + " header lines after " + Quoted.of(status));
                }
            }
            Matcher matcher = STATUS_LINE.matcher(status);
            if (!matcher.matches()) {
                return Optional.of(what + "answered CONNECT with " + Quoted.of(status) + ", not HTTP (is it an HTTP proxy?)");
            }
            int code = Integer.parseInt(matcher.group(1));
            if (code / 100 == 2) {
                return Optional.empty();
            }
            return Optional.of(what + refusal(code, proxy) + " CONNECT " + authority + ": " + Quoted.of(status)
                    + hint(code, proxy));
        } catch (SocketTimeoutException e) {
            return Optional.of(what + "did not answer CONNECT " + authority + " within "
                    + Durations.seconds(connectTimeout));
        } catch (EOFException e) {
            return Optional.of(what + "closed the connection without answering CONNECT " + authority);
        } catch (IOException e) {
            return Optional.of(what + "failed during CONNECT " + authority + ": " + Failures.describe(e));
        }
    }

    private static String refusal(int code, HttpProxy proxy) {
        return code == 502 || code == 503 || code == 504 ? "could not reach the target for" : "refused";
    }

    private static String hint(int code, HttpProxy proxy) {
        if (code == 407) {
            return proxy.credentials().isPresent() ? ": check the user and password in the proxy URL"
                    : ": give them as http://user:password@" + proxy.display() + " (in --proxy or https_proxy)";
        }
        if (code == 403) {
            return " (many proxies allow CONNECT only to port 443; list the target in --no-proxy to reach it directly)";
        }
        return "";
    }

    private static OpenedConnection.Failed failed(String message, long startNanos) {
        return new OpenedConnection.Failed(new ConnectFailure(ConnectFailure.Kind.PROXY, message,
                Duration.ofNanos(System.nanoTime() - startNanos)));
    }
}
