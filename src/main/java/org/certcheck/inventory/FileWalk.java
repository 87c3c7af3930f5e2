package org.certcheck.inventory;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certcheck.finding.FindingCode;

/**
 * Walks the paths of an inventory: named files, and directories recursively, in name order.
 * Symbolic links are followed (a certificate directory is mostly links), each real file and
 * directory is visited once, so a link loop or a second link to the same file ends there; an
 * OpenSSL hash link is visited after the file it names. Anything that cannot be read becomes a
 * {@link Found.Problem}, never an exception, and the walk goes on; the {@link WalkLimits} end it
 * with a problem saying where. Special files (FIFOs, devices) are never opened.
 */
public final class FileWalk {
    private static final Comparator<Path> ORDER = Comparator.comparing(FileNames::hashLink)
            .thenComparing(path -> String.valueOf(path.getFileName()));

    private final WalkLimits limits;
    private final List<PathMatcher> excludes;

    /** @param excludes a path is left out when one of them matches it or its file name */
    public FileWalk(WalkLimits limits, List<PathMatcher> excludes) {
        this.limits = limits;
        this.excludes = List.copyOf(excludes);
    }

    /** Everything found under {@code roots}, in order; a root that does not exist is a problem. */
    public List<Found> walk(List<Path> roots) {
        Walk walk = new Walk();
        for (Path root : roots) {
            walk.visit(root, 0, true);
        }
        return walk.found;
    }

    private final class Walk {
        private final List<Found> found = new ArrayList<>();
        private final Map<Path, Path> seen = new HashMap<>();
        private int files;
        private boolean stopped;

        void visit(Path path, int depth, boolean named) {
            if (stopped) {
                return;
            }
            if (excluded(path)) {
                found.add(new Found.Skipped(path, "excluded by --exclude"));
                return;
            }
            BasicFileAttributes attributes;
            Path real;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class);
                real = path.toRealPath();
            } catch (IOException e) {
                unreadable(path, named, e);
                return;
            }
            Path first = seen.putIfAbsent(real, path);
            if (first != null) {
                found.add(new Found.Skipped(path, "the same " + (attributes.isDirectory() ? "directory" : "file")
                        + " as " + first + (attributes.isDirectory() && path.startsWith(first)
                        ? " (a symbolic link loop)" : "") + ", already looked at"));
            } else if (attributes.isDirectory()) {
                directory(path, depth);
            } else if (attributes.isRegularFile()) {
                file(path, named, attributes.size());
            } else if (named) {
                found.add(new Found.Problem(path, FindingCode.FILE_UNREADABLE, path
                        + ": not a regular file or directory (a device, FIFO or socket), so not read"));
            } else {
                found.add(new Found.Skipped(path, "not a regular file"));
            }
        }

        private void directory(Path path, int depth) {
            if (depth >= limits.maxDepth()) {
                found.add(new Found.Problem(path, FindingCode.FILE_WALK_LIMIT, path + ": not searched, "
                        + (depth == 0 ? "" : depth + " levels down, ") + "beyond --max-depth " + limits.maxDepth()
                        + ": raise it, or name this directory"));
                return;
            }
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
                stream.forEach(entries::add);
            } catch (IOException | RuntimeException e) {
                found.add(new Found.Problem(path, FindingCode.FILE_UNREADABLE, path + ": cannot list this directory ("
                        + reason(e) + "): its certificates, if any, were not checked"));
                return;
            }
            entries.sort(ORDER);
            for (Path entry : entries) {
                visit(entry, depth + 1, false);
            }
        }

        private void file(Path path, boolean named, long size) {
            if (files >= limits.maxFiles()) {
                stopped = true;
                found.add(new Found.Problem(path, FindingCode.FILE_WALK_LIMIT, "stopped at " + path + " after "
                        + limits.maxFiles() + " files (--max-files): this file and everything after it were not"
                        + " checked; raise --max-files or name narrower paths"));
                return;
            }
            files++;
            found.add(new Found.File(path, named, size));
        }

        /** A named path, a link named like a certificate, or a key by name: which is worth a row. */
        private void unreadable(Path path, boolean named, IOException e) {
            boolean brokenLink = e instanceof NoSuchFileException && Files.isSymbolicLink(path);
            if (!named && FileNames.promisesKey(path)) {
                found.add(new Found.Skipped(path, "a private key by its name, and unreadable: " + reason(e)));
            } else if (named || FileNames.promisesCertificates(path) || !brokenLink) {
                found.add(new Found.Problem(path, FindingCode.FILE_UNREADABLE, path + ": cannot read: "
                        + (brokenLink ? "a broken symbolic link (to " + target(path) + "): remove it, or restore"
                        + " the file it points to" : reason(e))));
            } else {
                found.add(new Found.Skipped(path, "a broken symbolic link"));
            }
        }
    }

    private boolean excluded(Path path) {
        Path name = path.getFileName();
        return excludes.stream().anyMatch(matcher -> matcher.matches(path) || (name != null && matcher.matches(name)));
    }

    /** The exception in words; an AccessDeniedException's own message is just the path. */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemLoopException) {
            return "a symbolic link loop";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
