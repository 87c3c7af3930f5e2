package org.certcheck.net;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.certcheck.input.IpLiteral;

/**
 * Which hosts certcheck may fetch from when a certificate names them (OCSP responders, CRL
 * distribution points, caIssuers): a level, judged on the address a fetch really connects to, and an
 * allow list that admits named hosts and networks under any level.
 *
 * <p>The levels ({@code --fetch-policy}):
 * <ul>
 *   <li>{@link Level#ANY}: every address;</li>
 *   <li>{@link Level#INTRANET} (the default): every address except this machine's own (loopback,
 *       unspecified), link-local and cloud metadata addresses, multicast and reserved ones. Corporate
 *       OCSP and CRL servers live on private addresses, so those stay allowed; no CA publishes
 *       revocation on the checking host itself or on 169.254.169.254;</li>
 *   <li>{@link Level#PUBLIC}: public addresses only, for a tool run outside the network it checks;</li>
 *   <li>{@link Level#NONE}: nothing but the allow list.</li>
 * </ul>
 */
public record FetchPolicy(Level level, List<FetchAllow> allowed) {
    /** Everything, as before there was a policy: for the demo and for tests of other things. */
    public static final FetchPolicy ANY = new FetchPolicy(Level.ANY, List.of());

    public enum Level {
        ANY(Set.of(AddressScope.values())),
        INTRANET(Set.of(AddressScope.PUBLIC, AddressScope.PRIVATE, AddressScope.SHARED, AddressScope.UNIQUE_LOCAL)),
        PUBLIC(Set.of(AddressScope.PUBLIC)),
        NONE(Set.of());

        private final Set<AddressScope> admitted;

        Level(Set<AddressScope> admitted) {
            this.admitted = admitted;
        }

        /** As the option spells it: {@code intranet}. */
        public String optionValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FetchPolicy {
        Objects.requireNonNull(level, "level");
        allowed = List.copyOf(allowed);
    }

    /** True when no address needs looking at: {@code any}, or a host the allow list names. */
    public boolean admitsHost(String host, int port) {
        return level == Level.ANY || allowed.stream().anyMatch(entry -> entry.admitsHost(host, port));
    }

    /**
     * Why a fetch from {@code host} on {@code port}, connecting to {@code address}, must not happen:
     * a sentence for the report that names the policy and the option that would allow it; empty
     * when it may happen.
     */
    public Optional<String> refusal(String host, int port, InetAddress address) {
        if (admitsHost(host, port) || allowed.stream().anyMatch(entry -> entry.admitsAddress(address, port))) {
            return Optional.empty();
        }
        String key = FetchAllow.hostKey(host);
        if (level == Level.NONE) {
            return Optional.of("not fetched: --fetch-policy none fetches nothing that --fetch-allow does not name;"
                    + " to fetch from this host add --fetch-allow " + allowText(key));
        }
        AddressScope scope = AddressScope.of(address);
        if (level.admitted.contains(scope)) {
            return Optional.empty();
        }
        String shown = IpLiteral.text(address);
        String what = IpLiteral.isIpLiteral(key) ? shown + " is " : key + " is " + shown + ", ";
        return Optional.of("not fetched: " + what + scope.phrase() + ", which --fetch-policy " + level.optionValue()
                + " refuses; to fetch from it anyway add --fetch-allow " + allowText(key));
    }

    private static String allowText(String key) {
        return key.indexOf(':') >= 0 ? "[" + key + "]" : key;
    }
}
