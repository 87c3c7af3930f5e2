package org.certcheck.net;

import java.io.IOException;

/**
 * The peer answered something other than the protocol spoken with it (a line too long, a byte
 * missing where the protocol puts one). An expected outcome: the message says what the peer sent
 * and carries no stack trace.
 */
public class UnexpectedAnswer extends IOException {
    public UnexpectedAnswer(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
