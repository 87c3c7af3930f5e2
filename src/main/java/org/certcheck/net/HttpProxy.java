package org.certcheck.net;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP proxy that tunnels TCP with the CONNECT method (RFC 9110 section 9.3.6).
 *
 * @param host        name or IP literal (IPv6 without brackets)
 * @param port        1-65535
 * @param credentials {@code user:password} for Basic authentication (RFC 7617), already decoded
 */
public record HttpProxy(String host, int port, Optional<String> credentials) {
    public HttpProxy {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentials, "credentials");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port " + port + " out of range 1-65535");
        }
    }

    /** The {@code Proxy-Authorization} header value, when there are credentials. */
    public Optional<String> authorization() {
        return credentials.map(c -> "Basic " + Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code host:port}, IPv6 bracketed; never the credentials. */
    public String display() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return display();
    }
}
