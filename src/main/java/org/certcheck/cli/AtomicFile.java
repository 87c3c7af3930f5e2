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
import java.util.Optional;

/**
 * A report file that appears all at once: it is written to a hidden temporary file in the same
 * directory and renamed over the target only when complete ({@code rename(2)} is atomic within one
 * file system), so a reader such as node_exporter's textfile collector sees the old file or the
 * new one, never half of one. An abandoned file (the run failed, or was killed: see {@link
 * TemporaryFiles}) is deleted and the old report stays.
 *
 * <p>Atomic replacement is for regular files only. What is at the path is never destroyed:
 * <ol>
 *   <li>a device, FIFO or socket ({@code /dev/null}, {@code /dev/stdout} on a pipe, a named pipe)
 *       is written straight through, as {@code > path} would;</li>
 *   <li>a symbolic link stays a link: the file it points to is replaced, with the temporary file
 *       in <em>that</em> file's directory so the rename stays within one file system;</li>
 *   <li>a directory is refused (the caller makes it a usage error).</li>
 * </ol>
 *
 * <p>The temporary file is created with the default permissions (umask applies), or with those of
 * the report it replaces, so a collector that could read yesterday's report can read today's.
 */
final class AtomicFile implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Links followed before giving up, as the kernel's own limit (MAXSYMLINKS) does. */
    private static final int MAX_LINKS = 40;

    private final Path target;
    /** Empty when the target is written straight through (a device or a pipe). */
    private final Optional<Path> temporary;
    private final FileChannel channel;
    private final Writer writer;
    private boolean committed;

    private AtomicFile(Path target, Optional<Path> temporary, FileChannel channel) {
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
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            // Rule 1: /dev/null, a FIFO, /dev/stdout on a pipe. Renaming over it would replace the
            // device node itself (as root: the system's /dev/null).
            return new AtomicFile(absolute, Optional.empty(), FileChannel.open(absolute, StandardOpenOption.WRITE));
        }
        Path replaced = withoutLinks(absolute);
        Path directory = replaced.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IOException("directory " + directory + " does not exist");
        }
        TemporaryFiles.removeStale(replaced);
        Path temporary = directory.resolve(TemporaryFiles.name(replaced, randomSuffix()));
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        TemporaryFiles.pending(temporary);
        try {
            if (Files.exists(replaced)) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(replaced));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not POSIX, or not our file: keep the defaults rather than fail the run.
        }
        return new AtomicFile(replaced, Optional.of(temporary), channel);
    }

    /**
     * Rule 2: the file a chain of links ends at, which may not exist yet (a dangling link names
     * the file to create). A relative link is resolved against the directory of the link.
     */
    private static Path withoutLinks(Path path) throws IOException {
        Path current = path;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINKS) {
                throw new IOException("more than " + MAX_LINKS + " symbolic links (a loop?)");
            }
            current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
        }
        return Files.exists(current) ? current.toRealPath() : current;
    }

    private static String randomSuffix() {
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        return HexFormat.of().formatHex(suffix);
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
        if (temporary.isEmpty()) {
            writer.close();
            committed = true;
            return;
        }
        channel.force(true);
        writer.close();
        try {
            Files.move(temporary.get(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary.get(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        TemporaryFiles.done(temporary.get());
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
        if (temporary.isEmpty()) {
            return;
        }
        try {
            Files.deleteIfExists(temporary.get());
            TemporaryFiles.done(temporary.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the unfinished report " + temporary.get(), e);
        }
    }
}
