package org.certcheck.clients;

import java.util.Objects;

/**
 * Why one client would not connect.
 *
 * @param brief  a few words for a table cell: {@code TLS_RSA only}, {@code RSA 1024}
 * @param detail the evidence, the rule with its source, and what to change on the server
 */
public record Refusal(String brief, String detail) {
    public Refusal {
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(detail, "detail");
    }
}
