package org.certcheck.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a whole input file, but never more than a limit: at most {@code limit + 1} bytes are read,
 * whatever the file is, so {@code /dev/urandom}, {@code /dev/zero} or a FIFO that never ends give a
 * message instead of an {@link OutOfMemoryError}. The size a file claims is not trusted (a device
 * or a pipe claims 0, {@code /proc} files claim 0 and have content).
 *
 * <p>A UTF-8 byte order mark at the start is dropped: editors on Windows write one before a PEM
 * block, and no binary format read from these files starts with EF BB BF (DER and PKCS#12 start
 * with 0x30, JKS with FE ED FE ED, JCEKS with CE CE CE CE).
 */
public final class BoundedFile {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private BoundedFile() {
    }

    /** A file with more bytes than its limit; the message says the limit ({@code larger than 1 MiB}). */
    public static final class TooLarge extends IOException {
        private final long limit;

        TooLarge(long limit) {
            super("larger than " + size(limit));
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /**
     * The content of {@code file}, without a leading UTF-8 byte order mark.
     *
     * @throws TooLarge            when it holds more than {@code limit} bytes
     * @throws FileSystemException when it is a directory (reason {@code is a directory}), missing
     *                             or unreadable; {@link #reason(IOException)} puts any of them in words
     */
    public static byte[] read(Path file, int limit) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory, not a file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(limit + 1);
        }
        if (bytes.length > limit) {
            throw new TooLarge(limit);
        }
        return withoutBom(bytes);
    }

    /** {@code bytes} without a leading UTF-8 byte order mark. */
    public static byte[] withoutBom(byte[] bytes) {
        if (bytes.length >= 3 && Arrays.equals(bytes, 0, 3, UTF8_BOM, 0, 3)) {
            return Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        return bytes;
    }

    /** Why a read failed, in words without the file name: {@code no such file}, {@code larger than 1 MiB}. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException system && system.getReason() != null) {
            return system.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** {@code 16 MiB}, {@code 64 KiB}, {@code 100 bytes}. */
    public static String size(long bytes) {
        if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
