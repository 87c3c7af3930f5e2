package org.certcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

import org.certcheck.files.BoundedFile;
import org.certcheck.inventory.WalkLimits;

import picocli.CommandLine.Option;

/** Where {@code certcheck inventory} looks, how far, and with which keystore passwords (issue #4). */
final class InventoryOptions {
    @Option(names = "--password", paramLabel = "PASS",
            description = "Keystore password to try (repeatable); then the empty one, changeit and none.")
    List<String> passwords = new ArrayList<>();

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Keystore passwords to try, one per line (keeps them out of the process list).")
    List<Path> passwordFiles = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out paths or file names matching GLOB, e.g. '*.key' or '/etc/ssl/private' (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--max-depth", paramLabel = "N",
            description = "Search directories at most N levels deep (default: ${DEFAULT-VALUE}).")
    int maxDepth = WalkLimits.DEFAULT.maxDepth();

    @Option(names = "--max-files", paramLabel = "N",
            description = "Look at no more than N files in all (default: ${DEFAULT-VALUE}).")
    int maxFiles = WalkLimits.DEFAULT.maxFiles();

    WalkLimits limits() {
        if (maxDepth < 0) {
            throw new UsageException("--max-depth must not be negative, got " + maxDepth);
        }
        if (maxFiles < 1) {
            throw new UsageException("--max-files must be at least 1, got " + maxFiles);
        }
        return new WalkLimits(maxDepth, maxFiles, WalkLimits.DEFAULT.maxFileBytes());
    }

    /** --password values, then each line of each --password-file; a password is never echoed back. */
    /** A list of passwords, one a line; a megabyte of them is a wrong file. */
    static final int MAX_PASSWORD_FILE_BYTES = 1 << 20;

    List<String> passwords() {
        List<String> all = new ArrayList<>(passwords);
        for (Path file : passwordFiles) {
            try {
                new String(BoundedFile.read(file, MAX_PASSWORD_FILE_BYTES), StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.isEmpty()).forEach(all::add);
            } catch (BoundedFile.TooLarge e) {
                throw new UsageException("--password-file " + file + ": " + e.getMessage()
                        + ", too large for a list of passwords (read stopped there)", e);
            } catch (IOException | RuntimeException e) {
                throw new UsageException("--password-file " + file + ": cannot read it (" + e.getClass().getSimpleName()
                        + ")", e);
            }
        }
        return all;
    }

    List<PathMatcher> excludes() {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : excludes) {
            try {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            } catch (PatternSyntaxException e) {
                throw new UsageException("--exclude \"" + glob + "\": not a glob pattern: " + e.getDescription(), e);
            }
        }
        return matchers;
    }
}
