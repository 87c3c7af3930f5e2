package org.certcheck.validate;

import java.util.List;
import java.util.Objects;

import org.certcheck.finding.Finding;

/**
 * The judgement of one handshake.
 *
 * @param path     the path the verdict is about: trusted when one was found, otherwise the
 *                 longest chain that could be built from the leaf
 * @param findings every finding of every check, in check order
 */
public record Assessment(CertificatePath path, List<Finding> findings) {
    public Assessment {
        Objects.requireNonNull(path, "path");
        findings = List.copyOf(findings);
    }
}
