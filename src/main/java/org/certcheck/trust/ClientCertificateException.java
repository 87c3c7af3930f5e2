package org.certcheck.trust;

/**
 * A client certificate or key file the user named cannot be used. The message names the file and
 * what is wrong with it, ready to show as a usage error.
 */
public class ClientCertificateException extends RuntimeException {
    public ClientCertificateException(String message) {
        super(message);
    }

    public ClientCertificateException(String message, Throwable cause) {
        super(message, cause);
    }
}
