package org.certcheck.net;

import java.net.Socket;

/** A connection to a server, made directly or through a proxy tunnel, or why there is none. */
public sealed interface OpenedConnection {

    /** An open socket and the connection permit it holds; close the permit when the socket is closed. */
    record Open(Socket socket, ConnectionLimits.Permit permit) implements OpenedConnection {
    }

    record Failed(ConnectFailure failure) implements OpenedConnection {
    }
}
