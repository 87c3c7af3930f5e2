package org.certcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

class JsonLinesReporterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ReportFixtures fixtures = new ReportFixtures();

    @Test
    void oneLinePerTargetEachTheJsonTargetWithVersionAndTimeFirst() throws IOException {
        Report report = fixtures.report();
        StringWriter out = new StringWriter();

        new JsonLinesReporter().write(report, out);

        String[] lines = out.toString().split("\n", -1);
        assertThat(lines).hasSize(5);
        assertThat(lines[4]).isEmpty();
        JsonNode document = MAPPER.readTree(render(report));
        for (int i = 0; i < 4; i++) {
            assertThat(lines[i]).startsWith("{\"schemaVersion\":1,\"checkedAt\":\"2026-11-23T12:00:00Z\",\"target\":");
            ObjectNode line = (ObjectNode) MAPPER.readTree(lines[i]);
            line.remove(List.of("schemaVersion", "checkedAt"));
            assertThat(line).isEqualTo(document.get("targets").get(i));
        }
    }

    @Test
    void eachVerdictIsWrittenAndFlushedOnItsOwn() throws IOException {
        List<String> flushed = new ArrayList<>();
        StringWriter text = new StringWriter();
        java.io.Writer out = new java.io.FilterWriter(text) {
            @Override
            public void flush() {
                flushed.add(text.toString());
            }
        };

        new JsonLinesReporter().write(ReportFixtures.unknown(), ReportFixtures.CHECKED_AT, out);

        assertThat(flushed).isNotEmpty();
        assertThat(flushed.get(flushed.size() - 1)).endsWith("}\n").doesNotContain("\n{");
        assertThat(MAPPER.readTree(flushed.get(0)).get("status").asText()).isEqualTo("UNKNOWN");
    }

    private static String render(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new JsonReporter().write(report, out);
        return out.toString();
    }
}
