package org.certcheck.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.certcheck.input.IpLiteral;

/**
 * The addresses of a target's or a proxy's name, within a time limit. Java cannot interrupt a name
 * lookup, so it runs on a {@link Background} thread and is waited for only as long as the probe's
 * connect timeout: a resolver that hangs costs that probe its timeout, never the run.
 */
public final class AddressLookup {
    private AddressLookup() {
    }

    /** The addresses, in the resolver's order, or why there are none. */
    public sealed interface Result permits Found, Failed {
    }

    public record Found(List<InetAddress> addresses) implements Result {
        public Found {
            addresses = List.copyOf(addresses);
        }
    }

    /** @param detail for {@link Problem#RESOLVER_ERROR}, what the resolver said; otherwise empty */
    public record Failed(Problem problem, String detail) implements Result {
    }

    public enum Problem {
        NO_SUCH_HOST, TIMED_OUT, RESOLVER_ERROR
    }

    /** An IP literal is its own address; a name is resolved, waiting at most {@code limit}. */
    public static Result of(String host, Resolver resolver, Duration limit) {
        Optional<InetAddress> literal = IpLiteral.parse(host);
        if (literal.isPresent()) {
            return new Found(List.of(literal.get()));
        }
        try {
            List<InetAddress> found = Background.submit(() -> resolver.resolve(host))
                    .get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return found.isEmpty() ? new Failed(Problem.NO_SUCH_HOST, "") : new Found(found);
        } catch (ExecutionException e) {
            return e.getCause() instanceof UnknownHostException ? new Failed(Problem.NO_SUCH_HOST, "")
                    : new Failed(Problem.RESOLVER_ERROR, Failures.describe(e.getCause()));
        } catch (TimeoutException e) {
            return new Failed(Problem.TIMED_OUT, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(Problem.TIMED_OUT, "");
        }
    }
}
