package org.certcheck.tls;

import java.net.Socket;

import org.certcheck.net.ConnectionLimits;

/** A connection to a server, made directly or through a proxy tunnel, or why there is none. */
sealed interface OpenedConnection {

    /** An open socket and the connection permit it holds; close the permit when the socket is closed. */
    record Open(Socket socket, ConnectionLimits.Permit permit) implements OpenedConnection {
    }

    record Failed(ProbeFailure failure) implements OpenedConnection {
    }
}
