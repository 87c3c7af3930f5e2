package org.certcheck.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The hidden temporary files of {@link AtomicFile} ({@code .report.json.<12 hex digits>.tmp}):
 * those of this run are deleted when the JVM is stopped (SIGTERM, SIGINT, SIGHUP run shutdown
 * hooks), and those a killed run left behind (SIGKILL, power loss) are deleted by the next run
 * that writes the same report, once they are old enough that no live run can still be writing them.
 */
final class TemporaryFiles {
    /** Older than this, a temporary report file belongs to no live run: a run writes its file at the end. */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final Thread HOOK = new Thread(TemporaryFiles::deletePending, "certcheck-temporary-files");
    private static boolean hooked;

    private TemporaryFiles() {
    }

    /** {@code .report.json.0123456789ab.tmp} for {@code report.json}. */
    static String name(Path report, String suffix) {
        return "." + report.getFileName() + "." + suffix + ".tmp";
    }

    /** {@code file} is being written; it is deleted if the JVM stops before {@link #done}. */
    static synchronized void pending(Path file) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(HOOK);
            hooked = true;
        }
        PENDING.add(file);
    }

    /** {@code file} was renamed into place or deleted. */
    static void done(Path file) {
        PENDING.remove(file);
    }

    /** Deletes the temporary files of {@code report} older than {@link #STALE_AFTER}; best effort. */
    static void removeStale(Path report) {
        Pattern ours = Pattern.compile(Pattern.quote("." + report.getFileName() + ".") + "[0-9a-f]{12}\\.tmp");
        Instant before = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(report.getParent(),
                file -> ours.matcher(file.getFileName().toString()).matches())) {
            for (Path file : files) {
                FileTime modified = Files.getLastModifiedTime(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                if (modified.toInstant().isBefore(before) && Files.isRegularFile(file,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Debris is untidy, not a reason to fail the run: the report itself is still written.
        }
    }

    private static void deletePending() {
        for (Path file : PENDING) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // The JVM is stopping: nothing more can be done.
            }
        }
    }
}
