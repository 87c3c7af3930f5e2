package org.certcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.certcheck.demo.DemoFleet;
import org.certcheck.input.Target;
import org.certcheck.pki.Pem;

import picocli.CommandLine;

/**
 * The launcher's class-data-sharing archive holds only the classes its training run loaded ({@code
 * demo --train}); any other class is read from the jar again at every start. The demo alone never
 * reads a CA file or a host list, nor runs the check's own command, so this also checks two demo
 * targets the way a user checks hosts, {@code certcheck --ca ca.pem hosts.txt TARGET}, output to
 * nowhere. Measured: a one-host check starts some 60 ms sooner with it.
 */
final class ArchiveTraining {
    private ArchiveTraining() {
    }

    /**
     * Runs the check command over the first two demo targets, one from a host file, one as an
     * argument, and returns its exit code (1: the second demo target has expired). The launcher
     * keeps the archive only when training exits 0, so the caller does not pass this code on.
     */
    static int checkLikeAUser(DemoFleet fleet, Clock clock) throws IOException {
        // The name service's classes, which the demo's own resolver never reaches.
        InetAddress.getAllByName("localhost");
        Target fromFile = fleet.cases().get(0).target();
        Target fromArgument = fleet.cases().get(1).target();
        Path directory = Files.createTempDirectory("certcheck-training");
        Path ca = directory.resolve("ca.pem");
        Path hosts = directory.resolve("hosts.txt");
        try {
            Files.writeString(ca, Pem.encode(fleet.rootCertificate()));
            Files.writeString(hosts, "# one target\n" + fromFile.display() + "\n");
            String[] args = {"--ca", ca.toString(), hosts.toString(), fromArgument.display()};
            // No environment: a proxy setting must not send the demo's loopback traffic elsewhere.
            CommandLine check = Main.commandLine(clock, fleet.resolver(), Map.of(), InputStream.nullInputStream(), args);
            check.setOut(new PrintWriter(Writer.nullWriter()));
            check.setErr(new PrintWriter(Writer.nullWriter()));
            return check.execute(args);
        } finally {
            Files.deleteIfExists(ca);
            Files.deleteIfExists(hosts);
            Files.deleteIfExists(directory);
        }
    }
}
