package org.certcheck.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A loopback TCP server whose every connection is handled by a test-supplied behaviour. */
public final class RawServer implements AutoCloseable {
    /** What the server does with one accepted connection. */
    @FunctionalInterface
    public interface Behaviour {
        void handle(Socket connection) throws Exception;
    }

    private final ServerSocket socket;

    public RawServer(Behaviour behaviour) throws IOException {
        this.socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    Thread worker = new Thread(() -> {
                        try (connection) {
                            behaviour.handle(connection);
                        } catch (Exception ignored) {
                            // Misbehaving on purpose; the client's view is what the test asserts.
                        }
                    });
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
