package org.certcheck.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Starting and stopping the external servers tests run (openssl, nginx): the waits they share. */
final class ServerProcesses {
    private ServerProcesses() {
    }

    /** True once a TCP connection to 127.0.0.1:{@code port} succeeds; false if the process dies or time runs out. */
    static boolean awaitListening(Process process, int port, Duration startup) throws InterruptedException {
        Instant deadline = Instant.now().plus(startup);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 500);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    /** Ends the process, forcibly if it does not stop within five seconds. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
