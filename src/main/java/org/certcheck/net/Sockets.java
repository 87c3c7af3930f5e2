package org.certcheck.net;

import java.io.IOException;
import java.net.Socket;

public final class Sockets {
    private Sockets() {
    }

    /** Closes a socket a probe gives up on or is done with: closing a broken one tells nothing new. */
    public static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // See above.
        }
    }
}
