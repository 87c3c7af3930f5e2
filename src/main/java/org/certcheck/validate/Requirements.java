package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What an organisation demands beyond the defaults, all optional.
 *
 * @param maxValidityDays      a leaf valid for longer than this fails ({@code --max-validity-days})
 * @param warnLifetimePercent  warn when less than this share of a certificate's lifetime remains
 * @param critLifetimePercent  fail when less than this share of a certificate's lifetime remains
 * @param pins                 SHA-256 pins of expected certificates or keys, per target or for all
 * @param requiredAnchors      when not empty, a trusted path must end at one of these roots
 */
public record Requirements(OptionalInt maxValidityDays, OptionalInt warnLifetimePercent,
                           OptionalInt critLifetimePercent, List<Pin> pins, List<X509Certificate> requiredAnchors) {
    public static final Requirements NONE = new Requirements(OptionalInt.empty(), OptionalInt.empty(),
            OptionalInt.empty(), List.of(), List.of());

    public Requirements {
        Objects.requireNonNull(maxValidityDays, "maxValidityDays");
        Objects.requireNonNull(warnLifetimePercent, "warnLifetimePercent");
        Objects.requireNonNull(critLifetimePercent, "critLifetimePercent");
        pins = List.copyOf(pins);
        requiredAnchors = List.copyOf(requiredAnchors);
        if (maxValidityDays.isPresent() && maxValidityDays.getAsInt() < 1) {
            throw new IllegalArgumentException("maxValidityDays must be at least 1, got " + maxValidityDays.getAsInt());
        }
        for (OptionalInt percent : List.of(warnLifetimePercent, critLifetimePercent)) {
            if (percent.isPresent() && (percent.getAsInt() < 0 || percent.getAsInt() > 100)) {
                throw new IllegalArgumentException("a lifetime percentage must be 0-100, got " + percent.getAsInt());
            }
        }
    }

    public Requirements withMaxValidityDays(OptionalInt days) {
        return new Requirements(days, warnLifetimePercent, critLifetimePercent, pins, requiredAnchors);
    }
}
