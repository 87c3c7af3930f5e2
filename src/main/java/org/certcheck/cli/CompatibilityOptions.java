package org.certcheck.cli;

import java.util.Optional;

import org.certcheck.clients.ClientProfiles;
import org.certcheck.clients.Compatibility;

import picocli.CommandLine.Option;

/** {@code --clients}: which client profiles the reports show, and which must be able to connect. */
final class CompatibilityOptions {
    @Option(names = "--clients", paramLabel = "LIST",
            description = {"Show only these clients in the 'clients' line of -v, JSON and HTML, and warn"
                    + " (clients.cannot-connect) when one of them would refuse a target: a comma-separated"
                    + " list of jdk17, jdk21, jdk25, openssl-l1, openssl-l2, browsers, or all."
                    + " Without it every client is shown and none warns. See docs/clients.md."})
    String clients;

    Compatibility compatibility() {
        return Optional.ofNullable(clients).map(CompatibilityOptions::named).orElse(Compatibility.DEFAULT);
    }

    private static Compatibility named(String list) {
        try {
            return Compatibility.named(ClientProfiles.parse(list));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--clients: " + e.getMessage());
        }
    }
}
