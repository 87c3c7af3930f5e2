package org.certcheck.tls.starttls;

import java.io.IOException;

/**
 * The server would not switch to TLS, or answered something other than its protocol. An expected
 * outcome: the message says what the server said and carries no stack trace.
 */
public final class StartTlsRefused extends IOException {
    public StartTlsRefused(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
