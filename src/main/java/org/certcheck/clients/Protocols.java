package org.certcheck.clients;

import java.util.List;

/** The order of the protocol names JSSE reports, oldest first. */
final class Protocols {
    private static final List<String> ORDER = List.of("SSLv2Hello", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    private Protocols() {
    }

    /** The protocol's place in {@link #ORDER}; -1 for a name JSSE does not use. */
    static int rank(String protocol) {
        return ORDER.indexOf(protocol);
    }

    /** {@code TLSv1.1} as {@code TLS 1.1}, {@code TLSv1} as {@code TLS 1.0}. */
    static String display(String protocol) {
        return switch (protocol) {
            case "TLSv1" -> "TLS 1.0";
            case "SSLv3" -> "SSL 3";
            default -> protocol.replace("TLSv", "TLS ");
        };
    }
}
