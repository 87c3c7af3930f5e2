package org.certcheck.inventory;

import java.nio.file.Path;
import java.util.Objects;

import org.certcheck.finding.FindingCode;

/** What a {@link FileWalk} found at one path. */
public sealed interface Found {
    Path path();

    /**
     * A regular file to look into.
     *
     * @param named true when the user named it, rather than the walk finding it in a directory: a
     *              named file that holds no certificate is a problem, a found one is just skipped
     */
    record File(Path path, boolean named, long size) implements Found {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Something that should have been looked at and could not be: an UNKNOWN row. */
    record Problem(Path path, FindingCode code, String message) implements Found {
        public Problem {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Something left out on purpose (a key, a second link to a file already read), shown with -v. */
    record Skipped(Path path, String reason) implements Found {
        public Skipped {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
