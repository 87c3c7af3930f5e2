package org.certcheck.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.certcheck.files.BoundedFile;
import org.certcheck.finding.FindingCode;
import org.certcheck.store.CertificateFileException;
import org.certcheck.store.CertificateFiles;
import org.certcheck.store.StoredCertificate;

/**
 * Finds every certificate under the paths of an inventory: walks them, reads each file that holds
 * certificates (PEM, DER, PKCS#12, JKS, JCEKS), and says what it did with every other one. A file
 * the user named, or named like a certificate file ({@code .pem}, {@code .p12}, a hash link...),
 * must hold certificates: if it cannot be read it becomes an {@link Item.Unchecked} row; any other
 * file that is not a certificate file is just {@link Item.Skipped}, and so is a PEM file found in a
 * directory that holds only other blocks (DH parameters, a CSR). Private keys are skipped quietly
 * and never read beyond telling that they are keys.
 */
public final class Inventory {
    /** One outcome of the inventory, in walk order. */
    public sealed interface Item {
        /**
         * A certificate found.
         *
         * @param companions every certificate of the same file, for building its path
         */
        record Stored(Path file, StoredCertificate stored, List<X509Certificate> companions) implements Item {
            public Stored {
                Objects.requireNonNull(file, "file");
                Objects.requireNonNull(stored, "stored");
                companions = List.copyOf(companions);
            }
        }

        /** A file or directory that should have been checked and could not be. */
        record Unchecked(Path path, FindingCode code, String message) implements Item {
            public Unchecked {
                Objects.requireNonNull(path, "path");
                Objects.requireNonNull(code, "code");
                Objects.requireNonNull(message, "message");
            }
        }

        /** Left out on purpose; shown with -v. */
        record Skipped(Path path, String reason) implements Item {
            public Skipped {
                Objects.requireNonNull(path, "path");
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    private static final int HEAD = 64 * 1024;
    private static final String NOT_CERTIFICATE = "not a certificate file (not PEM, DER, PKCS#12 or JKS)";

    private final CertificateFiles reader;
    private final FileWalk walk;
    private final WalkLimits limits;

    public Inventory(CertificateFiles reader, FileWalk walk, WalkLimits limits) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.walk = Objects.requireNonNull(walk, "walk");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Everything found under {@code roots}; never throws for a file that cannot be read. */
    public List<Item> take(List<Path> roots) {
        List<Item> items = new ArrayList<>();
        for (Found found : walk.walk(roots)) {
            if (found instanceof Found.File file) {
                items.addAll(read(file));
            } else if (found instanceof Found.Problem problem) {
                items.add(new Item.Unchecked(problem.path(), problem.code(), problem.message()));
            } else if (found instanceof Found.Skipped skipped) {
                items.add(new Item.Skipped(skipped.path(), skipped.reason()));
            }
        }
        return items;
    }

    private List<Item> read(Found.File file) {
        Path path = file.path();
        boolean expected = file.named() || FileNames.promisesCertificates(path);
        if (file.size() > limits.maxFileBytes()) {
            String why = file.size() + " bytes, more than the " + (limits.maxFileBytes() >> 20)
                    + " MiB certcheck reads from one file";
            return List.of(expected ? new Item.Unchecked(path, FindingCode.FILE_UNREADABLE, path + ": not read: "
                    + why + "; no certificate file is that large") : new Item.Skipped(path, why));
        }
        byte[] bytes;
        try {
            bytes = expected ? BoundedFile.read(path, (int) limits.maxFileBytes()) : readIfWorthIt(path, limits);
        } catch (IOException | RuntimeException e) {
            return List.of(FileNames.promisesKey(path) && !file.named()
                    ? new Item.Skipped(path, "a private key by its name, and unreadable: " + FileWalk.reason(e))
                    : new Item.Unchecked(path, FindingCode.FILE_UNREADABLE, path + ": cannot read: "
                            + FileWalk.reason(e)));
        }
        if (bytes == null) {
            return List.of(new Item.Skipped(path, NOT_CERTIFICATE));
        }
        FileKind kind = FileKind.of(bytes);
        return switch (kind) {
            case PEM_KEYS_ONLY -> List.of(new Item.Skipped(path, "only a private key"));
            // DH parameters or a CSR under a .pem name are common and fine; only a named one must hold certificates.
            case PEM_OTHER -> notCertificates(path, file.named(), "no certificate, only PEM "
                    + String.join(", ", FileKind.pemLabels(bytes)));
            case OTHER -> notCertificates(path, expected, bytes.length == 0 ? "an empty file"
                    : NOT_CERTIFICATE);
            case PEM_CERTIFICATES, JAVA_KEYSTORE, DER -> certificates(path, bytes, kind, expected);
        };
    }

    /**
     * A file found in a directory under no certificate name is read whole only if its first bytes
     * could start a certificate file, so that a tree full of binaries and logs is cheap to walk.
     *
     * @return the whole file, or null when it cannot hold certificates
     */
    private static byte[] readIfWorthIt(Path path, WalkLimits limits) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(HEAD);
        }
        if (!FileKind.mayHoldCertificates(BoundedFile.withoutBom(head))) {
            return null;
        }
        return head.length < HEAD ? BoundedFile.withoutBom(head) : BoundedFile.read(path, (int) limits.maxFileBytes());
    }

    private static List<Item> notCertificates(Path path, boolean expected, String why) {
        return List.of(expected ? new Item.Unchecked(path, FindingCode.FILE_MALFORMED, path + ": " + why)
                : new Item.Skipped(path, why));
    }

    private List<Item> certificates(Path path, byte[] bytes, FileKind kind, boolean expected) {
        List<StoredCertificate> stored;
        try {
            stored = reader.read(path, bytes);
        } catch (CertificateFileException e) {
            return switch (e.problem()) {
                case WRONG_PASSWORD -> List.of(new Item.Unchecked(path, FindingCode.FILE_WRONG_PASSWORD, e.getMessage()));
                case UNREADABLE -> List.of(new Item.Unchecked(path, FindingCode.FILE_UNREADABLE, e.getMessage()));
                // Documentation and magic files quote PEM headers too: only a file that promised
                // certificates by its name, or was named by the user, is a problem when it has none.
                case MALFORMED -> kind == FileKind.DER && FileKind.derPrivateKey(bytes)
                        ? List.of(new Item.Skipped(path, "only a private key (DER)"))
                        : expected ? List.of(new Item.Unchecked(path, FindingCode.FILE_MALFORMED, e.getMessage()))
                        : List.of(new Item.Skipped(path, e.getMessage()));
            };
        }
        List<X509Certificate> all = new ArrayList<>();
        stored.forEach(entry -> entry.chain().stream().filter(c -> !all.contains(c)).forEach(all::add));
        List<Item> items = new ArrayList<>();
        stored.forEach(entry -> items.add(new Item.Stored(path, entry, all)));
        return items;
    }
}
