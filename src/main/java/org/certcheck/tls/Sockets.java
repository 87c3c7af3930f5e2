package org.certcheck.tls;

import java.io.IOException;
import java.net.Socket;

final class Sockets {
    private Sockets() {
    }

    /** Closes a socket a probe gives up on or is done with: closing a broken one tells nothing new. */
    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // See above.
        }
    }
}
