package org.certcheck.report;

import java.io.IOException;
import java.io.Writer;

/** One report format that renders a whole run at once: the table, JSON, JUnit XML, CSV, ... */
public interface Reporter {
    /** Writes {@code report} to {@code out} and flushes it; never closes it. */
    void write(Report report, Writer out) throws IOException;
}
