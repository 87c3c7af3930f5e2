package org.certcheck.store;

import java.util.Objects;

/** A certificate file that cannot be used; the message names the file and the problem. */
public final class CertificateFileException extends Exception {
    /** What kind of problem, for callers that report each kind differently. */
    public enum Problem {
        /** The file cannot be read at all: missing, permissions, an I/O error. */
        UNREADABLE,
        /** The file is read but holds no certificate that can be parsed. */
        MALFORMED,
        /** A keystore that none of the passwords tried opens. */
        WRONG_PASSWORD
    }

    private final Problem problem;

    public CertificateFileException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public CertificateFileException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
