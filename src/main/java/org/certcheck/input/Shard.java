package org.certcheck.input;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of N deterministic slices of a host list, so N machines (a CI matrix, a Kubernetes Indexed
 * Job) can share a list without talking to each other: every entry lands in exactly one shard,
 * chosen by a stable hash of the target (SHA-256 of {@code host:port}), the same on every machine,
 * JVM and run, and independent of the entry's position in the list.
 *
 * @param index 1-based: shard {@code index} of {@code count}
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(index + "/" + count + " is out of range: expected K/N with 1 <= K <= N");
        }
    }

    /** Reads {@code K/N}; the message of the exception says what is wrong. */
    public static Shard parse(String text) {
        Matcher matcher = FORM.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not K/N (e.g. 2/5 for the second of five shards)");
        }
        return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public boolean contains(HostListEntry entry) {
        return slot(key(entry), count) == index - 1;
    }

    /**
     * The identity of a whole list, the same on every machine that read the same list: SHA-256 (hex)
     * of its entries' keys in order, one a line. {@code certcheck merge} uses it to refuse a shard
     * of another list.
     */
    public static String listIdentity(List<HostListEntry> entries) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (HostListEntry entry : entries) {
                digest.update((key(entry) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String key(HostListEntry entry) {
        // A bad line is reported by exactly one shard too, picked by where it was.
        return entry instanceof Target target ? target.display()
                : entry.origin() + " " + ((InputProblem) entry).text();
    }

    public List<HostListEntry> select(List<HostListEntry> entries) {
        return entries.stream().filter(this::contains).toList();
    }

    static int slot(String key, int count) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(value, count);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
