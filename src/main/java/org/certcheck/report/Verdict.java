package org.certcheck.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.certcheck.clients.ClientOutcome;
import org.certcheck.finding.Finding;
import org.certcheck.revocation.PathRevocation;

/**
 * Everything certcheck concluded about one target: the row of the table, the object of the JSON.
 *
 * @param target     {@code host:port}, or the raw text of a malformed line
 * @param origin     where the target was given ({@code hosts.txt:12}, {@code argument 1})
 * @param status     from the worst finding
 * @param findings   every problem found, not only the first, plus informational facts
 * @param connection set when a TLS handshake reached the certificate
 * @param chain      the certificates as the server sent them, leaf first; empty if none
 * @param path       subjects of the validated path from the leaf to the anchor; empty if no path
 * @param anchor     subject of the trust anchor a good path ends at
 * @param elapsed    time spent on this target
 * @param revocation the revocation status of the path's certificates; empty when it was not checked
 *                   ({@code --revocation off}, no trusted path, no handshake)
 * @param anchorSha256 the SHA-256 fingerprint of that anchor (upper-case hex pairs with colons), so a
 *                   same-named impostor root cannot read like the real one
 * @param clients    which client profiles would connect, and why not (issue 15.3); empty without a handshake
 */
public record Verdict(String target, String origin, Status status, List<Finding> findings,
                      Optional<Connection> connection, List<CertificateFacts> chain, List<String> path,
                      Optional<String> anchor, Duration elapsed, Optional<PathRevocation> revocation,
                      Optional<String> anchorSha256, List<ClientOutcome> clients) {

    /** A verdict without client outcomes (no handshake, or judged offline). */
    public Verdict(String target, String origin, Status status, List<Finding> findings,
                   Optional<Connection> connection, List<CertificateFacts> chain, List<String> path,
                   Optional<String> anchor, Duration elapsed, Optional<PathRevocation> revocation,
                   Optional<String> anchorSha256) {
        this(target, origin, status, findings, connection, chain, path, anchor, elapsed, revocation, anchorSha256,
                List.of());
    }

    /** A verdict whose anchor's fingerprint is not known. */
    public Verdict(String target, String origin, Status status, List<Finding> findings,
                   Optional<Connection> connection, List<CertificateFacts> chain, List<String> path,
                   Optional<String> anchor, Duration elapsed, Optional<PathRevocation> revocation) {
        this(target, origin, status, findings, connection, chain, path, anchor, elapsed, revocation, Optional.empty());
    }

    /** A verdict on a target whose revocation status was not checked. */
    public Verdict(String target, String origin, Status status, List<Finding> findings,
                   Optional<Connection> connection, List<CertificateFacts> chain, List<String> path,
                   Optional<String> anchor, Duration elapsed) {
        this(target, origin, status, findings, connection, chain, path, anchor, elapsed, Optional.empty());
    }

    public Verdict {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(status, "status");
        findings = List.copyOf(findings);
        Objects.requireNonNull(connection, "connection");
        chain = List.copyOf(chain);
        path = List.copyOf(path);
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(anchorSha256, "anchorSha256");
        clients = List.copyOf(clients);
    }

    /** This verdict with other findings, its status following them; every other fact kept. */
    public Verdict withFindings(List<Finding> replaced) {
        return new Verdict(target, origin, Status.of(replaced), replaced, connection, chain, path, anchor, elapsed,
                revocation, anchorSha256, clients);
    }

    public Optional<CertificateFacts> leaf() {
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0));
    }

    /** The leaf's notAfter, when a certificate was seen. */
    public Optional<Instant> notAfter() {
        return leaf().map(CertificateFacts::notAfter);
    }
}
