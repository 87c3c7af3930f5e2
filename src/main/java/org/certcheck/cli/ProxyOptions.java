package org.certcheck.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.certcheck.net.HttpProxy;
import org.certcheck.net.NoProxy;
import org.certcheck.net.ProxyChoice;

import picocli.CommandLine.Option;

/** The HTTP CONNECT proxy probes go through: given as a URL, or taken from the environment. */
final class ProxyOptions {
    /** curl's default port for a proxy URL without one. */
    static final int DEFAULT_PORT = 1080;

    @Option(names = "--proxy", paramLabel = "URL|env",
            description = "Reach targets through this HTTP proxy with CONNECT: http://[user:password@]host[:port] "
                    + "(port 1080 by default), or 'env' for the https_proxy and no_proxy environment variables.")
    String proxy;

    @Option(names = "--no-proxy", paramLabel = "LIST",
            description = "Reach these hosts directly: comma-separated names (with their subdomains), addresses, "
                    + "CIDR blocks, or '*' (default with --proxy env: no_proxy).")
    String noProxy;

    /** The proxy for each target; reads {@code environment} only for {@code --proxy env}. */
    ProxyChoice choice(Map<String, String> environment) {
        if (proxy == null) {
            if (noProxy != null) {
                throw new UsageException("--no-proxy needs --proxy");
            }
            return ProxyChoice.DIRECT;
        }
        if (proxy.equals("env")) {
            Optional<String> url = variable(environment, "https_proxy");
            String exceptions = noProxy != null ? noProxy : variable(environment, "no_proxy").orElse("");
            return url.isEmpty() ? ProxyChoice.DIRECT
                    : new ProxyChoice(Optional.of(parse(url.get(), "https_proxy")), NoProxy.parse(exceptions));
        }
        return new ProxyChoice(Optional.of(parse(proxy, "--proxy")), NoProxy.parse(noProxy == null ? "" : noProxy));
    }

    /** The lower-case variable wins over the upper-case one, as in curl. */
    private static Optional<String> variable(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            value = environment.get(name.toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** {@code http://[user:password@]host[:port][/]}; the scheme may be left out. */
    static HttpProxy parse(String text, String from) {
        String url = text.contains("://") ? text : "http://" + text;
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UsageException(from + ": \"" + withoutPassword(text) + "\" is not a proxy URL: " + e.getReason());
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw new UsageException(from + ": " + scheme + ":// proxies are not supported, only http:// proxies"
                    + " (they tunnel TLS with CONNECT)");
        }
        if (uri.getHost() == null) {
            throw new UsageException(from + ": \"" + withoutPassword(text) + "\" has no proxy host name");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        Optional<String> credentials;
        try {
            credentials = Optional.ofNullable(uri.getRawUserInfo()).map(ProxyOptions::decodeUserInfo);
        } catch (IllegalArgumentException e) {
            throw new UsageException(from + ": bad %-escape in the proxy user name or password");
        }
        return new HttpProxy(host.toLowerCase(Locale.ROOT), port, credentials);
    }

    /** {@code user:pa%3Ass} to {@code user:pa:ss}: the user and the password are decoded apart. */
    private static String decodeUserInfo(String raw) {
        int colon = raw.indexOf(':');
        String user = colon < 0 ? raw : raw.substring(0, colon);
        String password = colon < 0 ? "" : raw.substring(colon + 1);
        return decode(user) + ":" + decode(password);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String withoutPassword(String text) {
        return text.replaceAll("//([^:@/]*):[^@/]*@", "//$1:***@");
    }
}
