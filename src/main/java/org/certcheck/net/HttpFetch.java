package org.certcheck.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;

/**
 * One HTTP/1.1 request and its whole answer, body included, within a timeout and under a size cap:
 * what OCSP queries, CRL downloads and caIssuers fetches need. Built on {@link HttpURLConnection},
 * whose first use costs a fraction of {@code java.net.http.HttpClient}'s start-up (measured: ~40 ms
 * against ~300 ms in a fresh JVM), as a single-host check pays it on every run.
 *
 * <p>{@code HttpURLConnection} bounds only the connect and each read: a server that sends its body
 * a byte at a time, or stops halfway, would hold it far past any timeout, and its
 * {@code disconnect()} waits for the blocked read. So each exchange runs on a daemon thread of its
 * own and the caller waits for it until the deadline; past it the caller gets its answer, the
 * connection is closed, and the thread ends at its next read (each read is bounded by the timeout).
 *
 * <p>Redirects are followed as {@code HttpClient.Redirect.NORMAL} does (never from https to http;
 * 303, and 301/302 after a POST, continue with a GET). Every request, redirects included, is
 * judged by the {@link FetchRules}' policy on the address it connects to ({@link FetchRoute}); a
 * refused one ends with the policy's sentence and sends nothing. Safe to call from many threads.
 */
public final class HttpFetch {
    /** As {@code HttpClient}'s default redirect limit. */
    private static final int MAX_REDIRECTS = 5;
    private static final byte[] NO_BODY = {};

    private final Duration timeout;
    private final long maxBodyBytes;
    private final Optional<ProxySelector> proxies;
    private final Optional<Authenticator> authenticator;
    private final FetchRules rules;

    /**
     * @param proxies       which proxy each URL goes through (certcheck's {@code --proxy}); empty for the
     *                      JVM's default {@link ProxySelector} (the {@code http.proxyHost} family of system
     *                      properties), which never proxies loopback
     * @param authenticator answers a proxy's 407, when its URL had credentials
     */
    public HttpFetch(Duration timeout, long maxBodyBytes, Optional<ProxySelector> proxies,
            Optional<Authenticator> authenticator) {
        this(timeout, maxBodyBytes, proxies, authenticator, FetchRules.OPEN);
    }

    /** @param rules which addresses may be fetched from, and the trust of https:// URLs */
    public HttpFetch(Duration timeout, long maxBodyBytes, Optional<ProxySelector> proxies,
            Optional<Authenticator> authenticator, FetchRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
        this.proxies = Objects.requireNonNull(proxies, "proxies");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /** GETs {@code uri}; {@code headers} beyond the User-Agent, e.g. {@code Accept}. */
    public HttpOutcome get(URI uri, Map<String, String> headers) {
        return exchange(new Request("GET", uri, headers, NO_BODY));
    }

    /** POSTs {@code body}; {@code headers} should include its {@code Content-Type}. */
    public HttpOutcome post(URI uri, Map<String, String> headers, byte[] body) {
        return exchange(new Request("POST", uri, headers, body.clone()));
    }


    private HttpOutcome exchange(Request request) {
        String scheme = request.uri().getScheme() == null ? "" : request.uri().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new HttpOutcome.Failed("not an http:// or https:// URL");
        }
        Attempt attempt = new Attempt(request, System.nanoTime() + timeout.toNanos());
        Future<HttpOutcome> running = Background.fetch(attempt::run);
        try {
            return running.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            attempt.abandon();
            return new HttpOutcome.Failed(attempt.timedOut());
        } catch (InterruptedException e) {
            attempt.abandon();
            Thread.currentThread().interrupt();
            return new HttpOutcome.Failed("interrupted");
        } catch (ExecutionException e) {
            // Network outcomes come back as values; anything else the JDK threw still ends this fetch only.
            return new HttpOutcome.Failed(String.valueOf(e.getCause()));
        }
    }

    private record Request(String method, URI uri, Map<String, String> headers, byte[] body) {
        Request {
            headers = Map.copyOf(headers);
        }

        boolean hasBody() {
            return method.equals("POST");
        }

        /** RFC 9110 section 15.4: 303 always, and 301/302 after a POST in practice, continue with a GET. */
        Request redirectedTo(URI location, int status) {
            if (status == 303 || (method.equals("POST") && (status == 301 || status == 302))) {
                return new Request("GET", location, withoutContentType(), NO_BODY);
            }
            return new Request(method, location, headers, body);
        }

        private Map<String, String> withoutContentType() {
            return headers.entrySet().stream().filter(h -> !h.getKey().equalsIgnoreCase("Content-Type"))
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }

    /** Where an exchange is, so a timeout can say what was missing. */
    private enum Phase {
        CONNECTING("no connection within "),
        WAITING("no answer within "),
        READING("no complete answer within ");

        private final String timedOut;

        Phase(String timedOut) {
            this.timedOut = timedOut;
        }
    }

    /** One exchange, redirects included, run on a {@link Background} thread. */
    private final class Attempt {
        private final Request first;
        private final long deadline;
        private volatile Phase phase = Phase.CONNECTING;
        private volatile HttpURLConnection connection;
        private volatile boolean abandoned;
        /** Bytes taken from the run's budget, given back when the exchange ends. */
        private long budgeted;
        private boolean tooLargeForBudget;

        Attempt(Request first, long deadline) {
            this.first = first;
            this.deadline = deadline;
        }

        String timedOut() {
            return phase.timedOut + Durations.seconds(timeout);
        }

        /** The caller has its answer; close the connection without waiting for the blocked read. */
        void abandon() {
            abandoned = true;
            HttpURLConnection open = connection;
            if (open != null) {
                Background.cleanUp(open::disconnect);
            }
        }

        HttpOutcome run() {
            try {
                Request request = first;
                for (int redirects = 0; ; redirects++) {
                    HttpURLConnection open = open(request);
                    int status = open.getResponseCode();
                    Optional<URI> next = redirects < MAX_REDIRECTS ? redirect(request.uri(), status, open) : Optional.empty();
                    if (next.isEmpty()) {
                        return read(open, status);
                    }
                    discard(open);
                    request = request.redirectedTo(next.get(), status);
                }
            } catch (FetchRefused e) {
                return new HttpOutcome.Failed(e.getMessage());
            } catch (SocketTimeoutException e) {
                return new HttpOutcome.Failed(timedOut());
            } catch (ConnectException | NoRouteToHostException e) {
                return new HttpOutcome.Failed(abandoned ? timedOut() : "connection refused or unreachable");
            } catch (UnknownHostException e) {
                return new HttpOutcome.Failed("the host name cannot be resolved");
            } catch (IllegalArgumentException e) {
                return new HttpOutcome.Failed("not a usable URL (" + e.getMessage() + ")");
            } catch (SSLException e) {
                return new HttpOutcome.Failed("the https server is not verified (" + e.getMessage() + "): its"
                        + " certificate must name the URL's host and chain to a --ca anchor or a CA the JVM trusts");
            } catch (IOException e) {
                Optional<FetchRefused> refused = FetchRefused.within(e);
                if (refused.isPresent()) {
                    return new HttpOutcome.Failed(refused.get().getMessage());
                }
                return new HttpOutcome.Failed(abandoned || remainingMillis() == 0 ? timedOut()
                        : e.getMessage() != null ? e.getMessage() : e.toString());
            } finally {
                rules.budget().release(budgeted);
                budgeted = 0;
                HttpURLConnection open = connection;
                if (abandoned && open != null) {
                    open.disconnect();
                }
            }
        }

        private HttpURLConnection open(Request request) throws IOException {
            phase = Phase.CONNECTING;
            FetchRoute.Go route = FetchRoute.choose(request.uri(), proxy(request.uri()), rules,
                    Duration.ofMillis(Math.max(1, remainingMillis())));
            HttpURLConnection open = (HttpURLConnection) request.uri().toURL().openConnection(route.proxy());
            connection = open;
            if (open instanceof HttpsURLConnection https) {
                route.tls().ifPresent(https::setSSLSocketFactory);
            }
            if (abandoned || remainingMillis() == 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            open.setInstanceFollowRedirects(false);
            open.setRequestMethod(request.method());
            open.setRequestProperty("User-Agent", "certcheck");
            request.headers().forEach(open::setRequestProperty);
            if (route.viaConfiguredProxy()) {
                // Never to an origin reached in absolute form: its 407 would get the proxy's password.
                authenticator.ifPresent(open::setAuthenticator);
            }
            open.setConnectTimeout(remainingMillis());
            open.setReadTimeout(remainingMillis());
            open.setDoOutput(request.hasBody());
            open.connect();
            phase = Phase.WAITING;
            if (request.hasBody()) {
                try (OutputStream out = open.getOutputStream()) {
                    out.write(request.body());
                }
            }
            return open;
        }

        private Proxy proxy(URI uri) {
            ProxySelector selector = proxies.orElseGet(ProxySelector::getDefault);
            List<Proxy> choices = selector == null ? List.of() : selector.select(uri);
            return choices.isEmpty() ? Proxy.NO_PROXY : choices.get(0);
        }

        /** Where a redirect leads, if {@code HttpClient.Redirect.NORMAL} would follow it. */
        private Optional<URI> redirect(URI from, int status, HttpURLConnection open) {
            String location = open.getHeaderField("Location");
            if (location == null || !List.of(301, 302, 303, 307, 308).contains(status)) {
                return Optional.empty();
            }
            URI to;
            try {
                to = from.resolve(location);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
            boolean follow = scheme.equals("https") || (scheme.equals("http") && from.getScheme().equalsIgnoreCase("http"));
            return follow ? Optional.of(to) : Optional.empty();
        }

        private HttpOutcome read(HttpURLConnection open, int status) throws IOException {
            phase = Phase.READING;
            String contentType = Objects.requireNonNullElse(open.getContentType(), "");
            long length = open.getContentLengthLong();
            if (length > maxBodyBytes) {
                return tooLarge();
            }
            try (InputStream body = status >= 400 ? open.getErrorStream() : open.getInputStream()) {
                if (body == null) {
                    return new HttpOutcome.Response(status, contentType, NO_BODY);
                }
                // A Content-Length is the server's claim, not memory to set aside before a byte arrives.
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(
                        (int) Math.min(ByteBudget.FREE_PER_BODY, length > 0 ? length : 8192));
                byte[] buffer = new byte[16384];
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    if (remainingMillis() == 0) {
                        throw new SocketTimeoutException("deadline passed");
                    }
                    if (bytes.size() + (long) n > maxBodyBytes) {
                        return tooLarge();
                    }
                    if (!reserve(bytes.size(), n)) {
                        return overBudget();
                    }
                    bytes.write(buffer, 0, n);
                }
                return new HttpOutcome.Response(status, contentType, bytes.toByteArray());
            }
        }

        /** Takes from the run's {@link ByteBudget} what {@code more} bytes after {@code held} need beyond the free part. */
        private boolean reserve(long buffered, int more) throws IOException {
            long beyond = Math.max(0, buffered + more - ByteBudget.FREE_PER_BODY)
                    - Math.max(0, buffered - ByteBudget.FREE_PER_BODY);
            if (beyond == 0) {
                return true;
            }
            if (budgeted + beyond > rules.budget().total()) {
                tooLargeForBudget = true;
                return false;
            }
            try {
                if (!rules.budget().acquire(beyond, deadline)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
            budgeted += beyond;
            return true;
        }

        private HttpOutcome overBudget() {
            connection.disconnect();
            String shared = size(rules.budget().total()) + " shared by all fetches beyond the first "
                    + size(ByteBudget.FREE_PER_BODY) + " of each";
            return new HttpOutcome.Failed(tooLargeForBudget
                    ? "not fetched in full: the response is larger than this run's memory for downloads (" + shared + ")"
                    : "not fetched in full: other downloads held this run's memory for downloads (" + shared
                            + ") until the timeout");
        }

        private HttpOutcome tooLarge() {
            connection.disconnect();
            return new HttpOutcome.Failed("the response is larger than " + size(maxBodyBytes));
        }

        private void discard(HttpURLConnection open) throws IOException {
            InputStream body = open.getResponseCode() >= 400 ? open.getErrorStream() : open.getInputStream();
            if (body != null) {
                body.close();
            }
        }

        /** What is left of the timeout; {@code 0} once it has passed, which {@link #open} checks, as a socket reads 0 as "forever". */
        private int remainingMillis() {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
        }
    }

    private static String size(long bytes) {
        if (bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }
}
