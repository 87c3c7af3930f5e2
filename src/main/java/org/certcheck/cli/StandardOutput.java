package org.certcheck.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Standard output as a {@link PrintWriter} that notices write errors. {@code System.out} is a
 * {@link java.io.PrintStream}, which swallows them: a report sent to {@code /dev/full}, to a full
 * disk or to a pipe whose reader went away would end with exit 0 and a truncated report. Here the
 * writer sits directly on file descriptor 1, so a failed write sets {@link PrintWriter#checkError()},
 * which {@link Outputs} and {@link Main} turn into a message and exit code 2.
 */
final class StandardOutput {
    /**
     * Said when stdout could not be written. Exit code 2 rather than 4: nothing in certcheck broke,
     * the place the user sent the report to could not take it, as with an unwritable --output file
     * (already a usage error); and never the 0/1/3 of the checks, which would vouch for a report
     * nobody received.
     */
    static final String FAILED = "cannot write to standard output (disk full, or the reading end was closed):"
            + " the report is incomplete";

    private StandardOutput() {
    }

    /** The charset picocli would use for {@code System.out}. */
    static PrintWriter open() {
        String name = System.getProperty("sun.stdout.encoding");
        Charset charset = name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                charset)), true);
    }
}
