package org.certcheck.clients;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One of the JDK's CA distrust policies ({@code jdk.security.caDistrustPolicies} in
 * {@code java.security}): a TLS server certificate whose path ends at one of {@code roots} and whose
 * notBefore date (UTC) is after {@code after} is refused by SunJSSE, whatever else is right with it.
 *
 * @param name  the policy's name in the property, e.g. {@code ENTRUST_TLS}
 * @param after the last notBefore date still trusted (the JDK compares dates: {@code isAfter(after)})
 * @param roots the SHA-256 fingerprints of the roots it names, upper-case hex without separators
 * @param since the JDK releases that carry it, as their release notes say
 */
public record CaDistrust(String name, LocalDate after, Set<String> roots, String since) {
    public CaDistrust {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(after, "after");
        roots = roots.stream().map(CaDistrust::normalized).collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(since, "since");
    }

    /** Whether a leaf issued at {@code notBefore} under the root {@code anchorSha256} is refused. */
    public boolean refuses(String anchorSha256, java.time.Instant notBefore) {
        return roots.contains(normalized(anchorSha256))
                && LocalDate.ofInstant(notBefore, ZoneOffset.UTC).isAfter(after);
    }

    /** {@code AB:CD:...} or {@code abcd...} as {@code ABCD...}. */
    static String normalized(String fingerprint) {
        return fingerprint.replace(":", "").toUpperCase(Locale.ROOT);
    }
}
