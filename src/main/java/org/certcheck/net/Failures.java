package org.certcheck.net;

/** How messages name what went wrong on the network. */
public final class Failures {
    private Failures() {
    }

    /** The first message in {@code e}'s causes, or its class name when none has one. */
    public static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
