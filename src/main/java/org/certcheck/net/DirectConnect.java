package org.certcheck.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP connection to the first of a target's addresses that accepts one, tried in the resolver's
 * order within one connect timeout, each attempt holding a permit of the per-address connection limit.
 */
public final class DirectConnect {
    private static final Logger LOG = LoggerFactory.getLogger(DirectConnect.class);

    private DirectConnect() {
    }

    /** A connection to {@code port} at the first of {@code addresses} that accepts one, or why there is none. */
    public static OpenedConnection open(List<InetAddress> addresses, int port, ConnectionLimits limits,
            Duration connectTimeout, long startNanos) {
        ConnectFailure lastFailure = null;
        long budgetStart = startNanos;
        for (InetAddress address : addresses) {
            long beforeWait = System.nanoTime();
            ConnectionLimits.Permit permit;
            try {
                permit = limits.acquire(address);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new OpenedConnection.Failed(new ConnectFailure(ConnectFailure.Kind.IO_ERROR,
                        "interrupted before connecting", since(startNanos)));
            }
            // Waiting for our own politeness limits is not the server's slowness.
            budgetStart += System.nanoTime() - beforeWait;
            long remaining = connectTimeout.toMillis() - Duration.ofNanos(System.nanoTime() - budgetStart).toMillis();
            if (remaining <= 0) {
                permit.close();
                break;
            }
            InetSocketAddress endpoint = new InetSocketAddress(address, port);
            Socket socket = new Socket();
            try {
                socket.connect(endpoint, (int) Math.min(Integer.MAX_VALUE, remaining));
                return new OpenedConnection.Open(socket, permit);
            } catch (IOException e) {
                Sockets.closeQuietly(socket);
                permit.close();
                lastFailure = ConnectFailure.of(endpoint, e, connectTimeout, since(startNanos));
                LOG.debug("connect to {} failed: {}", endpoint, e.toString());
            }
        }
        return new OpenedConnection.Failed(lastFailure != null ? lastFailure : new ConnectFailure(
                ConnectFailure.Kind.CONNECT_TIMEOUT, "no connection within " + Durations.seconds(connectTimeout),
                since(startNanos)));
    }

    /** One more connection to an endpoint that accepted one a moment ago (for the legacy ClientHello). */
    public static Socket reopen(InetSocketAddress endpoint, Duration connectTimeout) throws IOException {
        Socket again = new Socket();
        try {
            again.connect(endpoint, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        } catch (IOException e) {
            Sockets.closeQuietly(again);
            throw e;
        }
        return again;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
