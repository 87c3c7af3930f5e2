package org.certcheck.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * Why no connection to a server was made, directly or through a proxy: what kind of failure, in
 * words for the report, and after how long. The probe turns it into its own failure of the target.
 */
public record ConnectFailure(Kind kind, String message, Duration elapsed) {
    public enum Kind {
        CONNECT_TIMEOUT, REFUSED, UNREACHABLE, PROXY, IO_ERROR
    }

    /** What a failed {@code connect} to {@code endpoint} means. */
    static ConnectFailure of(InetSocketAddress endpoint, IOException e, Duration connectTimeout, Duration elapsed) {
        String where = endpoint.getAddress().getHostAddress() + " port " + endpoint.getPort();
        if (e instanceof SocketTimeoutException) {
            return new ConnectFailure(Kind.CONNECT_TIMEOUT, "no TCP connection to " + where + " within "
                    + Durations.seconds(connectTimeout) + " (host down or port filtered?)", elapsed);
        }
        if (e instanceof NoRouteToHostException || e instanceof PortUnreachableException) {
            return new ConnectFailure(Kind.UNREACHABLE, "no route to " + where, elapsed);
        }
        if (e instanceof ConnectException) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("refused")) {
                return new ConnectFailure(Kind.REFUSED, "connection refused by " + where
                        + ": nothing listens on that port", elapsed);
            }
            if (message.contains("unreachable")) {
                return new ConnectFailure(Kind.UNREACHABLE, "network unreachable for " + where, elapsed);
            }
        }
        return new ConnectFailure(Kind.IO_ERROR, "cannot connect to " + where + ": " + Failures.describe(e), elapsed);
    }
}
