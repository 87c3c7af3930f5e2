package org.certcheck.finding;

/** Whose certificate a finding is about; a lint on the operator's own trust anchor weighs least. */
public enum Role {
    /** The server's own certificate. */
    LEAF,
    /** A CA certificate between the leaf and the anchor (or the top of a path that reached none). */
    INTERMEDIATE,
    /** The trusted certificate the path ends at: an input of validation (RFC 5280 6.1.1 d). */
    ANCHOR,
    /** The target or connection as a whole, not one certificate. */
    TARGET
}
