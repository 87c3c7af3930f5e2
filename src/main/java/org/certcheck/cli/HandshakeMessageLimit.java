package org.certcheck.cli;

import java.util.Locale;

/**
 * {@code --max-handshake-message}: how large a handshake message (in practice the server's
 * Certificate message) the JVM's TLS stack reads. Java's own default is 32 KiB, below OpenSSL's
 * 100 KiB (SSL_CTX_set_max_cert_list), so a chain that OpenSSL clients accept, or a huge one that
 * must still be judged (expired, revoked), would otherwise be unreadable. JSSE reads the
 * {@value #PROPERTY} system property once, when its TLS configuration is first loaded, so the
 * command sets it before the first probe; a value the user gave with {@code -D} wins.
 */
final class HandshakeMessageLimit {
    static final String PROPERTY = "jdk.tls.maxHandshakeMessageSize";
    /** JSSE's own ceiling for the property (2^24 - 1, the largest a handshake message can declare). */
    private static final long MAX = (1 << 24) - 1;

    private HandshakeMessageLimit() {
    }

    static int parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        long factor = 1;
        if (value.endsWith("k")) {
            factor = 1024;
        } else if (value.endsWith("m")) {
            factor = 1024 * 1024;
        }
        String digits = factor == 1 ? value : value.substring(0, value.length() - 1);
        long bytes;
        try {
            bytes = Long.parseLong(digits) * factor;
        } catch (NumberFormatException e) {
            bytes = -1;
        }
        if (bytes < 16 * 1024 || bytes > MAX) {
            throw new UsageException("--max-handshake-message must be a size from 16k to 16m (e.g. 256k), got '"
                    + text + "'");
        }
        return (int) bytes;
    }

    static void apply(int bytes) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Integer.toString(bytes));
        }
    }
}
