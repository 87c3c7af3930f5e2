package org.certcheck.input;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * curl's {@code --resolve name:port:address}: targets with that name (and port, or any port for
 * {@code *}) connect to the address instead of resolving the name, and still send and check the
 * name, as if the host file said {@code name@address:port}.
 *
 * @param host    normalised like a host-file name
 * @param port    1-65535, or 0 for any port
 * @param address an IP literal, IPv6 without brackets
 */
public record ResolveOverride(String host, int port, String address) {

    /**
     * Parses {@code name:port:address}; the address may be an IPv6 literal, bracketed or not.
     *
     * @throws IllegalArgumentException with a message that names the bad part
     */
    public static ResolveOverride parse(String text) {
        String[] parts = text.split(":", 3);
        if (parts.length < 3 || parts[0].isEmpty() || parts[2].isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\" is not NAME:PORT:ADDRESS (e.g. web.corp:443:10.1.2.3)");
        }
        String host = HostName.normalise(parts[0]).fold(name -> name, reason -> {
            throw new IllegalArgumentException("\"" + text + "\": " + reason);
        });
        int port = parts[1].equals("*") ? 0 : PortNumber.parse(parts[1]).fold(p -> p, reason -> {
            throw new IllegalArgumentException("\"" + text + "\": " + reason);
        });
        String typed = parts[2].startsWith("[") && parts[2].endsWith("]")
                ? parts[2].substring(1, parts[2].length() - 1) : parts[2];
        Optional<InetAddress> address = typed.indexOf('%') >= 0 ? Optional.empty() : IpLiteral.parse(typed);
        if (address.isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\": \"" + parts[2] + "\" is not an IP address");
        }
        return new ResolveOverride(host, port, IpLiteral.text(address.get()));
    }

    /** The entries with every matching target pointed at its address; the first matching override wins. */
    public static List<HostListEntry> apply(List<ResolveOverride> overrides, List<HostListEntry> entries) {
        if (overrides.isEmpty()) {
            return entries;
        }
        List<HostListEntry> result = new ArrayList<>(entries.size());
        for (HostListEntry entry : entries) {
            result.add(entry instanceof Target target ? pointed(overrides, target) : entry);
        }
        return List.copyOf(result);
    }

    /**
     * What the user should hear about overrides that point no target anywhere (issue 17: a
     * {@code --resolve} for another port was ignored without a word), one message each.
     */
    public static List<String> unused(List<ResolveOverride> overrides, List<HostListEntry> entries) {
        List<String> messages = new ArrayList<>();
        for (ResolveOverride override : overrides) {
            List<Integer> ports = entries.stream().filter(Target.class::isInstance).map(Target.class::cast)
                    .filter(target -> target.host().equals(override.host)).map(Target::port).distinct().toList();
            String given = override.host + ":" + (override.port == 0 ? "*" : override.port) + ":" + override.address;
            if (ports.isEmpty()) {
                messages.add("--resolve " + given + " matches no target: no target is named " + override.host);
            } else if (override.port != 0 && !ports.contains(override.port)) {
                messages.add("--resolve " + given + " matches no target: " + override.host + " is checked on port "
                        + ports.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                        + " (give that port, or '*' for any port)");
            }
        }
        return messages;
    }

    private static Target pointed(List<ResolveOverride> overrides, Target target) {
        if (target.connectTo().isPresent()) {
            return target;
        }
        for (ResolveOverride override : overrides) {
            if (override.host.equals(target.host()) && (override.port == 0 || override.port == target.port())) {
                return target.connectingTo(override.address);
            }
        }
        return target;
    }
}
