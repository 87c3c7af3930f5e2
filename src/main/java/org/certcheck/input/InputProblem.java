package org.certcheck.input;

import java.util.Objects;

/**
 * A host-list line or argument that is not a usable target; it becomes its own UNKNOWN row so
 * the other lines are still checked.
 *
 * @param origin where it was ({@code hosts.txt:12})
 * @param text   the offending text, trimmed
 * @param reason what is wrong with it, e.g. {@code port out of range (1-65535)}
 */
public record InputProblem(String origin, String text, String reason) implements HostListEntry {
    public InputProblem {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code hosts.txt:12: "web:99999": port out of range (1-65535)}. */
    public String message() {
        return origin + ": \"" + text + "\": " + reason;
    }
}
