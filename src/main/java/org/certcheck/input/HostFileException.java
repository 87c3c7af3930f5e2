package org.certcheck.input;

/**
 * A host list that cannot be read at all: missing, a directory, unreadable, or not text. Bad
 * lines inside a readable list are {@link InputProblem}s instead, so the other lines still run.
 * The message starts with the file name: {@code hosts.txt: no such file}.
 */
public final class HostFileException extends RuntimeException {

    public HostFileException(String message) {
        super(message);
    }

    public HostFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
