package org.certcheck.demo;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A port on which nothing listens, held for as long as this is open: bound but never listening, so
 * a connection to it is refused, and no server started meanwhile can be given the same port. (A
 * port bound and released at once could be handed to the next server: the demo once showed its
 * "refused" target as plain HTTP.)
 */
public final class RefusedPort implements Closeable {
    private final Socket socket;

    private RefusedPort(Socket socket) {
        this.socket = socket;
    }

    public static RefusedPort reserve(InetAddress address) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(address, 0));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new RefusedPort(socket);
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
