package org.certcheck.offline;

import java.util.Objects;

/**
 * One line of {@code verify --batch} output, in the x509-limbo harness shape.
 *
 * @param id     the case's {@code id}, or {@code "line N"} when it had none
 * @param result {@code SUCCESS}, {@code FAILURE} or {@code SKIPPED}
 * @param context the findings the answer was made from, or why it was skipped
 */
public record BatchAnswer(String id, String result, String context) {
    public BatchAnswer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(context, "context");
    }
}
