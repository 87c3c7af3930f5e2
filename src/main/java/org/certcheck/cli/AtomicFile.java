package org.certcheck.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A report file that appears all at once: it is written to a hidden temporary file in the same
 * directory and renamed over the target only when complete ({@code rename(2)} is atomic within one
 * file system), so a reader such as node_exporter's textfile collector sees the old file or the
 * new one, never half of one. An abandoned file (the run failed) is deleted and the old report
 * stays.
 *
 * <p>The temporary file is created with the default permissions (umask applies), or with those of
 * the report it replaces, so a collector that could read yesterday's report can read today's.
 */
final class AtomicFile implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final Writer writer;
    private boolean committed;

    private AtomicFile(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
    }

    /** Creates the temporary file now, so an unwritable directory is reported before any host is checked. */
    static AtomicFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IOException("it is a directory; name a file in it");
        }
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IOException("directory " + directory + " does not exist");
        }
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        Path temporary = directory.resolve("." + absolute.getFileName() + "." + HexFormat.of().formatHex(suffix) + ".tmp");
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            if (Files.exists(absolute)) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(absolute));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not POSIX, or not our file: keep the defaults rather than fail the run.
        }
        return new AtomicFile(absolute, temporary, channel);
    }

    Writer writer() {
        return writer;
    }

    Path target() {
        return target;
    }

    /** Flushes, syncs to disk, and renames the complete file over the target. */
    void commit() throws IOException {
        writer.flush();
        channel.force(true);
        writer.close();
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Deletes the temporary file unless it was committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            // The file is being thrown away; a failed close changes nothing.
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the unfinished report " + temporary, e);
        }
    }
}
