package org.certcheck.net;

import java.util.Objects;
import java.util.Optional;

import org.certcheck.input.Target;

/**
 * Which targets go through which proxy: one proxy for every target, except those its
 * {@link NoProxy} list names.
 */
public record ProxyChoice(Optional<HttpProxy> proxy, NoProxy exceptions) {
    public static final ProxyChoice DIRECT = new ProxyChoice(Optional.empty(), NoProxy.NONE);

    public ProxyChoice {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(exceptions, "exceptions");
    }

    public Optional<HttpProxy> forTarget(Target target) {
        return proxy.isPresent() && !exceptions.bypasses(target) ? proxy : Optional.empty();
    }
}
