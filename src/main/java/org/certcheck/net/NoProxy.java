package org.certcheck.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.certcheck.input.IpLiteral;
import org.certcheck.input.Target;

/**
 * The hosts reached without the proxy, as curl reads {@code no_proxy}: a comma-separated list of
 * names (each also covering its subdomains; a leading dot is ignored), IP addresses, CIDR blocks
 * ({@code 10.0.0.0/8}), or {@code *} for every host. A port after a name is ignored.
 */
public final class NoProxy {
    public static final NoProxy NONE = new NoProxy(List.of(), false);

    private final List<String> names;
    private final boolean everything;

    private NoProxy(List<String> names, boolean everything) {
        this.names = List.copyOf(names);
        this.everything = everything;
    }

    public static NoProxy parse(String list) {
        List<String> names = new ArrayList<>();
        boolean everything = false;
        for (String raw : list.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.equals("*")) {
                everything = true;
            } else if (!entry.isEmpty()) {
                if (entry.startsWith("[") && entry.contains("]")) {
                    entry = entry.substring(1, entry.indexOf(']'));
                } else if (entry.indexOf(':') == entry.lastIndexOf(':') && entry.indexOf(':') > 0) {
                    entry = entry.substring(0, entry.indexOf(':'));
                }
                names.add(entry.startsWith(".") ? entry.substring(1) : entry);
            }
        }
        return new NoProxy(names, everything);
    }

    /** True when {@code target} (its name, or the address it connects to) is to be reached directly. */
    public boolean bypasses(Target target) {
        if (everything) {
            return true;
        }
        for (String entry : names) {
            if (matchesName(entry, target.host()) || target.connectTo().map(a -> matchesAddress(entry, a)).orElse(false)
                    || (target.isIpLiteral() && matchesAddress(entry, target.host()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesName(String entry, String host) {
        return host.equals(entry) || host.endsWith("." + entry);
    }

    private static boolean matchesAddress(String entry, String address) {
        int slash = entry.indexOf('/');
        Optional<InetAddress> target = IpLiteral.parse(address);
        Optional<InetAddress> network = IpLiteral.parse(slash < 0 ? entry : entry.substring(0, slash));
        if (target.isEmpty() || network.isEmpty()
                || target.get().getAddress().length != network.get().getAddress().length) {
            return false;
        }
        int bits = target.get().getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (prefix < 0 || prefix > bits) {
            return false;
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return new BigInteger(1, target.get().getAddress()).and(mask)
                .equals(new BigInteger(1, network.get().getAddress()).and(mask));
    }
}
