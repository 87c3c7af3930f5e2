package org.certcheck.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.certcheck.input.IpLiteral;
import org.certcheck.input.Target;
import org.certcheck.net.AddressLookup;
import org.certcheck.net.ConnectionLimits;
import org.certcheck.net.DirectConnect;
import org.certcheck.net.Durations;
import org.certcheck.net.HttpProxy;
import org.certcheck.net.OpenedConnection;
import org.certcheck.net.ProxyTunnel;
import org.certcheck.net.Resolver;
import org.certcheck.tls.ProbeFailure.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TLS connection per target: resolve, connect, handshake with SNI, record what the server
 * presented, close. Every network outcome is returned as a {@link ProbeResult}; nothing escapes,
 * and nothing takes longer than the connect timeout plus the handshake timeout.
 */
public final class Prober {
    private static final Logger LOG = LoggerFactory.getLogger(Prober.class);

    /**
     * JSSE sends the status_request extension (asks the server to staple its OCSP response) unless
     * this property says false; it is read each time an SSLContext is made, so certcheck leaves it
     * alone and only says when a user turned it off.
     */
    static final String STAPLING_PROPERTY = "jdk.tls.client.enableStatusRequestExtension";

    private final ProbeSettings settings;
    private final Resolver resolver;
    private final ConnectionLimits limits;
    private final Reach reach;
    /** The engine that makes this prober's handshakes first: Conscrypt or the JDK, resolved. */
    private final TlsEngine engine;
    private final FallbackChain handshakes;

    public Prober(ProbeSettings settings, Resolver resolver) {
        this(settings, resolver, ConnectionLimits.NONE);
    }

    public Prober(ProbeSettings settings, Resolver resolver, ConnectionLimits limits) {
        this(settings, resolver, limits, Reach.DEFAULT);
    }

    public Prober(ProbeSettings settings, Resolver resolver, ConnectionLimits limits, Reach reach) {
        this(settings, resolver, limits, reach, TlsEngine.configured());
    }

    /** @param engine which TLS engine makes the handshakes (see {@link TlsEngine}); the JDK's is the fallback */
    public Prober(ProbeSettings settings, Resolver resolver, ConnectionLimits limits, Reach reach, TlsEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine").resolved();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.reach = Objects.requireNonNull(reach, "reach");
        this.handshakes = new FallbackChain(settings, reach, this.engine);
        if ("false".equalsIgnoreCase(System.getProperty(STAPLING_PROPERTY, "true").trim())) {
            LOG.warn("-D{}=false: servers are not asked to staple OCSP responses, so certificates with"
                    + " Must-Staple will be reported as not stapled", STAPLING_PROPERTY);
        }
    }

    /**
     * With {@code --all-addresses}: one probe per address of the target's name (in the family
     * asked for), each connecting to that address while sending and checking the name. A target
     * that already names its address, or is one, is probed once; a name that cannot be resolved
     * gives its one DNS failure.
     */
    public List<ProbeResult> probeEveryAddress(Target target) {
        if (target.connectTo().isPresent() || target.isIpLiteral()) {
            return List.of(probe(target));
        }
        long start = System.nanoTime();
        Addresses addresses = addresses(target, start);
        if (addresses.failure().isPresent()) {
            return List.of(addresses.failure().get());
        }
        return addresses.usable().stream().map(address -> probe(target.connectingTo(IpLiteral.text(address)))).toList();
    }

    public ProbeResult probe(Target target) {
        long start = System.nanoTime();
        Optional<HttpProxy> proxy = reach.proxies().forTarget(target);
        if (proxy.isPresent()) {
            return throughProxy(target, proxy.get(), start);
        }
        Addresses addresses = addresses(target, start);
        if (addresses.failure().isPresent()) {
            return addresses.failure().get();
        }
        OpenedConnection connection = DirectConnect.open(addresses.usable(), target.port(), limits,
                settings.connectTimeout(), start);
        if (connection instanceof OpenedConnection.Failed failed) {
            return ProbeFailure.of(target, failed.failure());
        }
        OpenedConnection.Open open = (OpenedConnection.Open) connection;
        InetSocketAddress endpoint = (InetSocketAddress) open.socket().getRemoteSocketAddress();
        try (ConnectionLimits.Permit held = open.permit()) {
            return handshakes.overConnection(target, open.socket(), endpoint,
                    () -> DirectConnect.reopen(endpoint, settings.connectTimeout()), start);
        }
    }

    /** The probe through an HTTP CONNECT tunnel; the peer is the target as the proxy was asked for it. */
    private ProbeResult throughProxy(Target target, HttpProxy proxy, long start) {
        OpenedConnection tunnel = ProxyTunnel.open(target, proxy, resolver, limits, settings.connectTimeout(), start);
        if (tunnel instanceof OpenedConnection.Failed failed) {
            return ProbeFailure.of(target, failed.failure());
        }
        OpenedConnection.Open open = (OpenedConnection.Open) tunnel;
        try (ConnectionLimits.Permit held = open.permit()) {
            // A second tunnel for the legacy fallback is covered by the permit this probe already holds.
            return handshakes.overConnection(target, open.socket(),
                    InetSocketAddress.createUnresolved(target.connectHost(), target.port()), () -> {
                        OpenedConnection again = ProxyTunnel.open(target, proxy, resolver, ConnectionLimits.NONE,
                                settings.connectTimeout(), start);
                        if (again instanceof OpenedConnection.Open reopened) {
                            return reopened.socket();
                        }
                        throw new IOException(((OpenedConnection.Failed) again).failure().message());
                    }, start);
        }
    }

    /** The target's addresses in the family asked for, or the DNS failure that ends its probe. */
    private record Addresses(List<InetAddress> usable, Optional<ProbeFailure> failure) {
    }

    private Addresses addresses(Target target, long start) {
        AddressLookup.Result lookup = AddressLookup.of(target.connectHost(), resolver, settings.connectTimeout());
        if (lookup instanceof AddressLookup.Failed failed) {
            String message = switch (failed.problem()) {
                case NO_SUCH_HOST -> "cannot resolve " + target.host()
                        + ": no such host (check the name, or the DNS/hosts file of this machine)";
                case TIMED_OUT -> "name resolution for " + target.host() + " took longer than "
                        + Durations.seconds(settings.connectTimeout());
                case RESOLVER_ERROR -> "cannot resolve " + target.host() + ": " + failed.detail();
            };
            return new Addresses(List.of(), Optional.of(new ProbeFailure(target, Kind.DNS, message, since(start))));
        }
        List<InetAddress> found = ((AddressLookup.Found) lookup).addresses();
        List<InetAddress> usable = reach.family().filter(found);
        if (usable.isEmpty()) {
            return new Addresses(List.of(), Optional.of(new ProbeFailure(target, Kind.DNS,
                    reach.family().noneOf(target.connectHost(), found), since(start))));
        }
        return new Addresses(usable, Optional.empty());
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
