package org.certcheck.cli;

import java.time.Duration;

import org.certcheck.net.ConnectionLimits;
import org.certcheck.tls.ProbeSettings;

import picocli.CommandLine.Option;

/** How targets are reached: time limits and how many at once. */
final class ConnectionOptions {
    @Option(names = "--connect-timeout", paramLabel = "TIME", defaultValue = "5s",
            converter = DurationConverter.class,
            description = "Limit for name resolution plus TCP connect (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--handshake-timeout", paramLabel = "TIME", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Limit for the server's part of the TLS handshake (default: ${DEFAULT-VALUE}).")
    Duration handshakeTimeout;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "N", defaultValue = "256",
            description = "Targets checked at the same time (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--per-address", paramLabel = "N", defaultValue = "0",
            description = "At most N connections open to one IP address at a time, so many names behind one "
                    + "load balancer do not hit it at once (default: ${DEFAULT-VALUE}, no limit).")
    int perAddress;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
            description = "At most N new connections per second overall (default: ${DEFAULT-VALUE}, no limit).")
    double rate;

    ConnectionLimits limits() {
        if (perAddress < 0 || rate < 0 || Double.isNaN(rate) || Double.isInfinite(rate)) {
            throw new UsageException("--per-address and --rate must not be negative (0 means no limit)");
        }
        return new ConnectionLimits(perAddress, rate);
    }

    @Option(names = "--max-handshake-message", paramLabel = "SIZE", defaultValue = "256k",
            description = "Largest TLS handshake message (a server's certificate chain) the probe reads, in bytes,"
                    + " or with k or m (default: ${DEFAULT-VALUE}; OpenSSL's clients stop at 100k, Java's at 32k).")
    String maxHandshakeMessage;

    ProbeSettings settings() {
        HandshakeMessageLimit.apply(HandshakeMessageLimit.parse(maxHandshakeMessage));
        return new ProbeSettings(connectTimeout, handshakeTimeout);
    }

    int concurrency() {
        if (concurrency < 1) {
            throw new UsageException("--concurrency must be at least 1, got " + concurrency);
        }
        return concurrency;
    }
}
