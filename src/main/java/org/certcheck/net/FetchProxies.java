package org.certcheck.net;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.certcheck.input.Target;

/**
 * The probes' {@link ProxyChoice} for plain HTTP fetches (OCSP queries, CRL downloads): the same
 * proxy and the same {@code --no-proxy} exceptions, so a host that can reach its targets only
 * through the proxy can also reach their revocation sources. An {@code http://} URL goes to the
 * proxy in absolute form (RFC 9112 section 3.2.2), not through a CONNECT tunnel.
 */
public final class FetchProxies extends ProxySelector {
    private final ProxyChoice choice;

    public FetchProxies(ProxyChoice choice) {
        this.choice = Objects.requireNonNull(choice, "choice");
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (uri.getHost() == null) {
            return List.of(Proxy.NO_PROXY);
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        Optional<HttpProxy> proxy = choice.forTarget(new Target(host, port, "a revocation URL"));
        return proxy.map(p -> List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host(), p.port()))))
                .orElse(List.of(Proxy.NO_PROXY));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress proxy, IOException failure) {
        // Nothing to fall back to: the fetch reports its own failure.
    }

    /** Answers the proxy's 407 with the proxy URL's credentials (Basic, RFC 7617); empty without any. */
    public Optional<Authenticator> authenticator() {
        Optional<String> credentials = choice.proxy().flatMap(HttpProxy::credentials);
        return credentials.map(userPassword -> new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() != RequestorType.PROXY) {
                    return null;
                }
                int colon = userPassword.indexOf(':');
                String user = colon < 0 ? userPassword : userPassword.substring(0, colon);
                String password = colon < 0 ? "" : userPassword.substring(colon + 1);
                return new PasswordAuthentication(user, password.toCharArray());
            }
        });
    }
}
