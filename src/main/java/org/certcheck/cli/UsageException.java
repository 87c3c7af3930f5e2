package org.certcheck.cli;

/** A problem with what the user asked for; reported in one line and exit code 2, no stack trace. */
final class UsageException extends RuntimeException {
    UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    UsageException(String message) {
        super(message);
    }
}
