package org.certcheck.store;

/** A certificate file that cannot be used; the message names the file and the problem. */
public final class CertificateFileException extends Exception {
    public CertificateFileException(String message) {
        super(message);
    }

    public CertificateFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
