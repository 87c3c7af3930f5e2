package org.certcheck.clients;

import java.util.List;
import java.util.Objects;

/**
 * Whether one client would connect, and why not.
 *
 * @param client    the profile's id ({@code jdk25}, {@code openssl-l2})
 * @param refusals  why it would refuse; empty when it would connect
 * @param notes     what it would do differently and still connect ({@code fetches the intermediate via AIA})
 */
public record ClientOutcome(String client, List<Refusal> refusals, List<String> notes) {
    public ClientOutcome {
        Objects.requireNonNull(client, "client");
        refusals = List.copyOf(refusals);
        notes = List.copyOf(notes);
    }

    public boolean connects() {
        return refusals.isEmpty();
    }

    /** The short reasons, for a table cell or a JSON array. */
    public List<String> reasons() {
        return refusals.stream().map(Refusal::brief).toList();
    }

    /** {@code jdk17 ok}, {@code browsers ok (fetches the intermediate via AIA)}, {@code jdk25 no (TLS_RSA only)}. */
    public String summary() {
        if (connects()) {
            return client + " ok" + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
        }
        return client + " no (" + String.join("; ", reasons()) + ")";
    }
}
