package org.certcheck.input;

/** One meaningful line of a host list (or one command-line argument): a target, or why it is not one. */
public sealed interface HostListEntry permits Target, InputProblem {
    /** Where the entry came from, e.g. {@code hosts.txt:12} or {@code argument 2}. */
    String origin();
}
