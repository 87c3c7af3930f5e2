package org.certcheck.inventory;

/**
 * How far an inventory searches, so that a path named by mistake ({@code /}) ends in a bounded
 * time with a row saying where it stopped, instead of running for hours.
 *
 * @param maxDepth     directories are searched at most this many levels below each named path
 *                     ({@code find -maxdepth}: 1 reads only the files directly inside)
 * @param maxFiles     at most this many files are looked at in the whole run
 * @param maxFileBytes a larger file is not read (no certificate file is that big)
 */
public record WalkLimits(int maxDepth, int maxFiles, long maxFileBytes) {
    public static final WalkLimits DEFAULT = new WalkLimits(32, 100_000, 16L << 20);

    public WalkLimits {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must not be negative, got " + maxDepth);
        }
        if (maxFiles < 1) {
            throw new IllegalArgumentException("maxFiles must be at least 1, got " + maxFiles);
        }
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be at least 1, got " + maxFileBytes);
        }
    }
}
