package org.certcheck.trust;

/**
 * A CA file or directory the user named cannot be used. The message names the file and what is
 * wrong with it, ready to show as a usage error.
 */
public class TrustLoadException extends RuntimeException {
    public TrustLoadException(String message) {
        super(message);
    }

    public TrustLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
