package org.certcheck.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import javax.net.ssl.SSLSocketFactory;

import org.certcheck.input.IpLiteral;

/**
 * How one request of an {@link HttpFetch} reaches its URL under the {@link FetchPolicy}, judged on
 * the address the connection really goes to:
 * <ol>
 *   <li>a host the policy admits by name ({@code any}, or named by {@code --fetch-allow}) goes as
 *       configured;</li>
 *   <li>through a configured proxy, the proxy resolves the name: every address certcheck resolves
 *       for it must be admitted (the proxy's own answer cannot be seen);</li>
 *   <li>plain http:// is resolved here once, and the request goes to the first admitted address in
 *       absolute form (RFC 9112 section 3.2.2, which every HTTP/1.1 server must accept), so the
 *       connection cannot reach an address other than the one judged;</li>
 *   <li>https:// is judged by {@link FetchSocketFactory} on the connected socket, before TLS starts.</li>
 * </ol>
 */
final class FetchRoute {
    /**
     * @param proxy                which proxy the connection goes through ({@link Proxy#NO_PROXY} for none)
     * @param tls                  the TLS sockets for an https:// URL; empty for http://
     * @param viaConfiguredProxy   true when {@code proxy} is the user's, whose credentials may answer a 407
     */
    record Go(Proxy proxy, Optional<SSLSocketFactory> tls, boolean viaConfiguredProxy) {
    }

    private FetchRoute() {
    }

    /** @throws FetchRefused when the policy forbids every way there */
    static Go choose(URI uri, Proxy configured, FetchRules rules, Duration lookupLimit) throws IOException {
        FetchPolicy policy = rules.policy();
        String host = uri.getHost() == null ? "" : uri.getHost();
        host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean https = uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        boolean proxied = configured.type() != Proxy.Type.DIRECT;
        if (policy.admitsHost(host, port)) {
            return new Go(configured, tls(https, rules, address -> Optional.empty()), proxied);
        }
        if (proxied) {
            for (InetAddress address : addresses(host, rules, lookupLimit)) {
                Optional<String> refused = policy.refusal(host, port, address);
                if (refused.isPresent()) {
                    throw new FetchRefused(refused.get());
                }
            }
            return new Go(configured, tls(https, rules, address -> Optional.empty()), true);
        }
        String judged = host;
        if (https && IpLiteral.isIpLiteral(host)) {
            // No name to rebind: judged before any packet is sent.
            Optional<String> refused = policy.refusal(host, port, IpLiteral.parse(host).orElseThrow());
            if (refused.isPresent()) {
                throw new FetchRefused(refused.get());
            }
        }
        if (https) {
            return new Go(Proxy.NO_PROXY, tls(true, rules, address -> policy.refusal(judged, port, address)), false);
        }
        Optional<String> firstRefusal = Optional.empty();
        for (InetAddress address : addresses(host, rules, lookupLimit)) {
            Optional<String> refused = policy.refusal(host, port, address);
            if (refused.isEmpty()) {
                Proxy pinned = IpLiteral.isIpLiteral(host) ? Proxy.NO_PROXY
                        : new Proxy(Proxy.Type.HTTP, new InetSocketAddress(address, port));
                return new Go(pinned, Optional.empty(), false);
            }
            firstRefusal = firstRefusal.or(() -> refused);
        }
        throw new FetchRefused(firstRefusal.orElse("not fetched: the host name has no address"));
    }

    /** Built only for https://, so a run that fetches only http:// never loads the JVM's CA list. */
    private static Optional<SSLSocketFactory> tls(boolean https, FetchRules rules,
            Function<InetAddress, Optional<String>> refusal) {
        return https ? Optional.of(new FetchSocketFactory(rules.tls().get(), refusal)) : Optional.empty();
    }

    private static List<InetAddress> addresses(String host, FetchRules rules, Duration limit) throws IOException {
        AddressLookup.Result result = AddressLookup.of(host, rules.resolver(), limit);
        if (result instanceof AddressLookup.Found found) {
            return found.addresses();
        }
        AddressLookup.Failed failed = (AddressLookup.Failed) result;
        switch (failed.problem()) {
            case NO_SUCH_HOST -> throw new UnknownHostException(host);
            case TIMED_OUT -> throw new SocketTimeoutException("name lookup timed out");
            default -> throw new IOException("the host name cannot be resolved: " + failed.detail());
        }
    }
}
