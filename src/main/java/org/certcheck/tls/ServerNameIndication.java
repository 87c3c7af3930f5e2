package org.certcheck.tls;

import java.util.Objects;
import java.util.Optional;

import org.certcheck.input.Target;

/**
 * The server name a probe sends in its ClientHello (RFC 6066 section 3). By default the target's
 * host name, and none for an IP literal, which SNI cannot carry; {@code --sni NAME} sends one name
 * to every target and {@code --no-sni} sends none, to see what a server presents to old clients.
 * Whatever is sent, the certificate is checked against the target's own name.
 *
 * @param enabled  false to send no SNI at all
 * @param override the name to send instead of the target's
 */
public record ServerNameIndication(boolean enabled, Optional<String> override) {
    public static final ServerNameIndication AUTOMATIC = new ServerNameIndication(true, Optional.empty());
    public static final ServerNameIndication NONE = new ServerNameIndication(false, Optional.empty());

    public ServerNameIndication {
        Objects.requireNonNull(override, "override");
        if (!enabled && override.isPresent()) {
            throw new IllegalArgumentException("no SNI and SNI " + override.get() + " at once");
        }
    }

    public static ServerNameIndication fixed(String name) {
        return new ServerNameIndication(true, Optional.of(name));
    }

    /** The name to send for {@code target}; empty to send none. */
    public Optional<String> forTarget(Target target) {
        if (!enabled) {
            return Optional.empty();
        }
        if (override.isPresent()) {
            return override;
        }
        return target.isIpLiteral() ? Optional.empty() : Optional.of(target.host());
    }
}
