package org.certcheck.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/** A format that can also write each verdict on its own, as soon as it is known (JSON Lines). */
public interface StreamingReporter extends Reporter {
    /** Writes {@code verdict} of the run started at {@code checkedAt} and flushes {@code out}. */
    void write(Verdict verdict, Instant checkedAt, Writer out) throws IOException;
}
