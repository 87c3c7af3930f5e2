package org.certcheck.tls.starttls;

import org.certcheck.net.UnexpectedAnswer;

/**
 * The server would not switch to TLS, or answered something other than its protocol. An expected
 * outcome: the message says what the server said and carries no stack trace.
 */
public final class StartTlsRefused extends UnexpectedAnswer {
    public StartTlsRefused(String message) {
        super(message);
    }

}
