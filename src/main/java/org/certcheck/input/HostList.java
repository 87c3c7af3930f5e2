package org.certcheck.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads host lists (one target per line, see {@link HostListParser}) and command-line targets.
 * Bad lines become {@link InputProblem}s in place; only a list that cannot be read at all
 * throws a {@link HostFileException}. An empty list is returned as an empty list: whether that
 * is an error is for the caller to decide.
 */
public final class HostList {

    /** Bad lines of one list reported each as its own row; the others are counted in one more row. */
    public static final int MAX_PROBLEMS_SHOWN = 100;

    private HostList() {
    }

    /** Reads a UTF-8 host list; origins are {@code "<file as given>:<line>"}, lines counted from 1. */
    public static List<HostListEntry> read(Path file) {
        return read(file, Protocol.TLS);
    }

    /** As {@link #read(Path)}; lines without a scheme speak {@code unschemed} ({@code --starttls}). */
    public static List<HostListEntry> read(Path file, Protocol unschemed) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new HostFileException(name + ": is a directory, not a host list");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return entries(HostListText.lines(readBounded(in), name), name, unschemed);
        } catch (NoSuchFileException e) {
            throw new HostFileException(name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new HostFileException(name + ": cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new HostFileException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads UTF-8 bytes, such as standard input; {@code name} (e.g. {@code stdin}) starts every origin. */
    public static List<HostListEntry> read(InputStream in, String name) {
        return read(in, name, Protocol.TLS);
    }

    /** As {@link #read(InputStream, String)}; lines without a scheme speak {@code unschemed}. */
    public static List<HostListEntry> read(InputStream in, String name, Protocol unschemed) {
        try {
            return entries(HostListText.lines(readBounded(in), name), name, unschemed);
        } catch (IOException e) {
            throw new HostFileException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads already decoded text, such as standard input; {@code name} (e.g. {@code stdin})
     * starts every origin. A decoder that reports bad bytes, or one that replaced them with
     * U+FFFD, makes this a {@link HostFileException} saying the input is not text. Prefer
     * {@link #read(InputStream, String)} for standard input: it can name the line of bad bytes.
     */
    public static List<HostListEntry> read(Reader reader, String name) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
                HostListText.checkSize(text.length(), name);
            }
        } catch (CharacterCodingException e) {
            // InputStreamReader drops the characters it decoded along with the bad bytes, so the
            // line is unknown here; read(InputStream, String) can name it.
            throw new HostFileException(name + ": not a text file (invalid UTF-8)", e);
        } catch (IOException e) {
            throw new HostFileException(name + ": cannot be read: " + e.getMessage(), e);
        }
        return entries(HostListText.lines(text.toString(), name), name, Protocol.TLS);
    }

    /** Parses the {@code index}-th command-line target; its origin is {@code argument <index>}. */
    public static HostListEntry parseArgument(String text, int index) {
        return parseArgument(text, index, Protocol.TLS);
    }

    /** As {@link #parseArgument(String, int)}; a target without a scheme speaks {@code unschemed}. */
    public static HostListEntry parseArgument(String text, int index, Protocol unschemed) {
        return HostListParser.parseTarget(text, "argument " + index, unschemed);
    }

    /**
     * Keeps the first of each target with the same {@link Target#display()} (protocol, host,
     * connect-to address and port after normalisation, so {@code web}, {@code WEB.},
     * {@code https://web/} and {@code web:443} are one), and every {@link InputProblem}; order is kept.
     */
    public static List<HostListEntry> withoutDuplicates(List<HostListEntry> entries) {
        Set<String> seen = new HashSet<>();
        List<HostListEntry> kept = new ArrayList<>();
        for (HostListEntry entry : entries) {
            if (!(entry instanceof Target target) || seen.add(target.display())) {
                kept.add(entry);
            }
        }
        return List.copyOf(kept);
    }

    /**
     * The entries of one list, of which at most {@link #MAX_PROBLEMS_SHOWN} bad lines become rows of
     * their own; the rest are counted into one last row, so a wrong file (16 MiB of one-character
     * lines: 8 million bad lines) costs a count, not a row each. The good lines are all kept.
     */
    private static List<HostListEntry> entries(Stream<String> lines, String name, Protocol unschemed) {
        List<HostListEntry> entries = new ArrayList<>();
        int problems = 0;
        long hidden = 0;
        InputProblem firstHidden = null;
        int number = 0;
        for (Iterator<String> line = lines.iterator(); line.hasNext(); ) {
            number++;
            Optional<HostListEntry> entry = HostListParser.parseLine(line.next(), name + ":" + number, unschemed);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.get() instanceof InputProblem problem && ++problems > MAX_PROBLEMS_SHOWN) {
                hidden++;
                firstHidden = firstHidden == null ? problem : firstHidden;
                continue;
            }
            entries.add(entry.get());
        }
        if (hidden == 1) {
            entries.add(firstHidden);
        } else if (hidden > 1) {
            entries.add(new InputProblem(firstHidden.origin(), firstHidden.text(), firstHidden.reason() + "; and "
                    + (hidden - 1) + " more bad lines up to line " + number + ", not shown one by one (only the first "
                    + MAX_PROBLEMS_SHOWN + " of a file are): is " + name + " a host list?"));
        }
        return List.copyOf(entries);
    }

    /** Reads at most one byte past the limit, so {@code /dev/zero} ends in a message, not in OutOfMemoryError. */
    private static byte[] readBounded(InputStream in) throws IOException {
        return in.readNBytes(HostListText.MAX_BYTES + 1);
    }
}
