package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.certcheck.input.Target;
import org.certcheck.tls.Handshake;

/**
 * What the checks judge: the path chosen, the certificates as they came, the name they must be valid
 * for and the handshake they came in, when there was one, and the time of judgement.
 *
 * @param path      the trusted path, or the longest untrusted one that could be built
 * @param sent      the certificates as the server sent them (leaf first) or as stored in a file
 * @param target    the name or address to match; empty for a certificate found on disk
 * @param handshake the connection's facts; empty when judged offline ({@code verify}, {@code inventory})
 * @param now       the time of judgement
 */
public record Evidence(CertificatePath path, List<X509Certificate> sent, Optional<Target> target,
                       Optional<Handshake> handshake, Instant now) {
    public Evidence {
        Objects.requireNonNull(path, "path");
        sent = List.copyOf(sent);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(handshake, "handshake");
        Objects.requireNonNull(now, "now");
    }

    /** Evidence about a path alone: the rules that depend on nothing else. */
    static Evidence ofPath(CertificatePath path) {
        return new Evidence(path, path.certificates(), Optional.empty(), Optional.empty(), Instant.EPOCH);
    }
}
