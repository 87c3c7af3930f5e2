package org.certcheck.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How many targets fit in the file descriptors this process may still open ({@code ulimit -n}),
 * so that a low limit slows the run down instead of turning targets UNKNOWN with "Too many open
 * files". Each target in flight holds its probe's socket and, while revocation and missing
 * issuers are fetched, up to two more; a reserve is kept for what the JVM opens on the way (class
 * files in jars, the report files, DNS).
 *
 * @param limit     the soft limit of this process
 * @param open      descriptors open now
 * @param perTarget what one target in flight may hold: its handshake's (see
 *                  {@link org.certcheck.tls.TlsEngine#descriptorsPerHandshake()}), an OCSP or CRL fetch,
 *                  a caIssuers fetch
 */
record DescriptorBudget(long limit, long open, int perTarget) {
    /** An OCSP or CRL fetch and a caIssuers fetch, besides the handshake. */
    static final int FETCHES = 2;
    /** Jars and classes loaded later, report files, the resolver, log files. */
    static final int RESERVE = 40;

    /** The budget of this JVM; empty where the platform does not tell (Windows). */
    static Optional<DescriptorBudget> ofThisProcess(int handshakeDescriptors) {
        Optional<DescriptorBudget> linux = fromProc(handshakeDescriptors + FETCHES);
        if (linux.isPresent()) {
            return linux;
        }
        // Elsewhere (macOS) the JVM's management bean; it costs about 15 ms of start-up to create.
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix && unix.getMaxFileDescriptorCount() > 0) {
            return Optional.of(new DescriptorBudget(unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount(),
                    handshakeDescriptors + FETCHES));
        }
        return Optional.empty();
    }

    /** Linux: the soft limit from /proc/self/limits, the open descriptors listed in /proc/self/fd. */
    private static Optional<DescriptorBudget> fromProc(int perTarget) {
        Path limits = Path.of("/proc/self/limits");
        Path descriptors = Path.of("/proc/self/fd");
        if (!Files.isReadable(limits) || !Files.isDirectory(descriptors)) {
            return Optional.empty();
        }
        try (Stream<Path> open = Files.list(descriptors)) {
            for (String line : Files.readAllLines(limits)) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    long limit = "unlimited".equals(soft) ? Long.MAX_VALUE / 4 : Long.parseLong(soft);
                    // One of those listed is the directory stream reading them.
                    return Optional.of(new DescriptorBudget(limit, open.count() - 1, perTarget));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Targets that can be in flight at once: at least 1, at most {@code asked}. */
    int concurrency(int asked) {
        long free = limit - open - RESERVE;
        return (int) Math.max(1, Math.min(asked, free / perTarget));
    }

    /** The line said once on stderr when the run is slowed down. */
    String lowered(int asked, int effective) {
        return "certcheck: only " + Math.max(0, limit - open) + " more files can be open (ulimit -n " + limit
                + "): checking " + effective + " targets at a time instead of --concurrency " + asked
                + "; raise the limit (ulimit -n " + (open + RESERVE + (long) asked * perTarget) + ") for the full speed";
    }
}
