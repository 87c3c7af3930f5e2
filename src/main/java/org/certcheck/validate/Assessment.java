package org.certcheck.validate;

import java.util.List;
import java.util.Objects;

import org.certcheck.clients.ClientOutcome;
import org.certcheck.finding.Finding;

/**
 * The judgement of one handshake.
 *
 * @param path     the path the verdict is about: trusted when one was found, otherwise the
 *                 longest chain that could be built from the leaf
 * @param findings every finding of every check, in check order
 * @param clients  which client profiles would connect (issue 15.3); empty when judged without a handshake
 */
public record Assessment(CertificatePath path, List<Finding> findings, List<ClientOutcome> clients) {
    /** An assessment without a handshake, so with no client outcomes. */
    public Assessment(CertificatePath path, List<Finding> findings) {
        this(path, findings, List.of());
    }

    public Assessment {
        Objects.requireNonNull(path, "path");
        findings = List.copyOf(findings);
        clients = List.copyOf(clients);
    }
}
