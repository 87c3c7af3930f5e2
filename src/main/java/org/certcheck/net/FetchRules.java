package org.certcheck.net;

import java.util.Objects;
import java.util.function.Supplier;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;


/**
 * What an {@link HttpFetch} may reach and whom it trusts: the fetch policy (judged on the address
 * each connection really goes to), the resolver that names the addresses of plain-HTTP hosts, and
 * the TLS sockets of https:// URLs (certcheck's: the JVM's CAs plus {@code --ca}; built on first use),
 * and the memory all fetches of the run share for response bodies.
 */
public record FetchRules(FetchPolicy policy, Resolver resolver, Supplier<SSLSocketFactory> tls, ByteBudget budget) {
    /** Any address, the system resolver, the JVM's default trust, a budget for this JVM's heap. */
    public static final FetchRules OPEN = new FetchRules(FetchPolicy.ANY, Resolver.SYSTEM,
            HttpsURLConnection::getDefaultSSLSocketFactory, ByteBudget.forHeap(Runtime.getRuntime().maxMemory()));

    public FetchRules {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(budget, "budget");
    }
}
