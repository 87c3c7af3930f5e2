package org.certcheck.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The report as JSON Lines (one JSON object per line, {@code \n}-terminated, UTF-8): one line per
 * target, written as soon as its verdict is known, so a list of thousands of hosts can be
 * processed while it is being checked, and a run that is killed leaves every finished line intact.
 *
 * <p>Each line is the target object of {@link JsonReporter} (see {@code docs/json-output.md}) with
 * {@code schemaVersion} and {@code checkedAt} first, so every line stands on its own. Lines come in
 * the order the checks finish; {@code origin} tells where each target was given.
 */
public final class JsonLinesReporter implements StreamingReporter {
    private static final ObjectWriter WRITER = new ObjectMapper().writer()
            .with(new JsonOutputEscapes())
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** Writes one line for {@code verdict} and flushes, so a reader at the other end of a pipe sees it now. */
    @Override
    public void write(Verdict verdict, Instant checkedAt, Writer out) throws IOException {
        ObjectNode line = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        line.put("schemaVersion", JsonReporter.SCHEMA_VERSION);
        line.put("checkedAt", UtcTime.iso(checkedAt));
        line.setAll(JsonReporter.target(verdict, checkedAt));
        WRITER.writeValue(out, line);
        out.write('\n');
        out.flush();
    }

    /** Every verdict of a finished run, in the report's order. */
    @Override
    public void write(Report report, Writer out) throws IOException {
        for (Verdict verdict : report.verdicts()) {
            write(verdict, report.checkedAt(), out);
        }
        out.flush();
    }
}
