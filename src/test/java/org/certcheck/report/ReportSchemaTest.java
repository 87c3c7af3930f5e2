package org.certcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import org.junit.jupiter.api.Test;

/** The published schema, {@code docs/report.schema.json}, matches what the reporters write, and the docs' example. */
class ReportSchemaTest {
    static final Path SCHEMA = Path.of("docs/report.schema.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ReportFixtures fixtures = new ReportFixtures();

    @Test
    void jsonDocumentMatchesTheSchema() throws IOException {
        assertThat(errors(document(), json(fixtures.report()))).isEmpty();
    }

    @Test
    void everyJsonLineMatchesTheSchemasLineDefinition() throws IOException {
        StringWriter out = new StringWriter();
        new JsonLinesReporter().write(fixtures.report(), out);

        for (String line : out.toString().split("\n")) {
            assertThat(errors(jsonLine(), MAPPER.readTree(line))).as(line).isEmpty();
        }
    }

    @Test
    void clientOutcomesMatchTheSchema() throws IOException {
        Verdict pass = fixtures.pass();
        Verdict withClients = new Verdict(pass.target(), pass.origin(), pass.status(), pass.findings(),
                pass.connection(), pass.chain(), pass.path(), pass.anchor(), pass.elapsed(), pass.revocation(),
                pass.anchorSha256(), java.util.List.of(
                        new org.certcheck.clients.ClientOutcome("jdk25", java.util.List.of(
                                new org.certcheck.clients.Refusal("TLS_RSA only", "why")), java.util.List.of()),
                        new org.certcheck.clients.ClientOutcome("browsers", java.util.List.of(),
                                java.util.List.of("fetches the missing intermediate via AIA"))));

        assertThat(errors(document(), json(ReportFixtures.reportOf(withClients)))).isEmpty();
    }

    @Test
    void fleetFactsMatchTheSchema() throws IOException {
        Report report = fixtures.report();
        Report withFleet = new Report(report.checkedAt(), report.trust(), report.verdicts(),
                java.util.List.of(new FleetFact("shared-key", "AB:CD", java.util.List.of("a:443", "b:443"))));

        assertThat(errors(document(), json(withFleet))).isEmpty();
    }

    @Test
    void theExampleInTheDocsMatchesTheSchema() throws IOException {
        Matcher example = Pattern.compile("## Example.*?```json\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("docs/json-output.md")));

        assertThat(example.find()).isTrue();
        assertThat(errors(document(), MAPPER.readTree(example.group(1)))).isEmpty();
    }

    @Test
    void schemaRejectsAReportWithAnUnknownStatusOrAMissingField() throws IOException {
        ObjectNode bad = (ObjectNode) json(fixtures.report());
        ((ObjectNode) bad.get("targets").get(0)).put("status", "OK");
        ((ObjectNode) bad.get("targets").get(1)).remove("findings");

        assertThat(errors(document(), bad)).extracting(error -> error.getInstanceLocation() + " " + error.getMessage())
                .anySatisfy(message -> assertThat(message).contains("/targets/0/status").contains("enumeration"))
                .anySatisfy(message -> assertThat(message).contains("/targets/1").contains("'findings' not found"));
    }

    @Test
    void aNewFieldIsAcceptedBecauseReadersMustIgnoreWhatTheyDoNotKnow() throws IOException {
        ObjectNode extended = (ObjectNode) json(fixtures.report());
        ((ObjectNode) extended.get("targets").get(0)).put("revocation", "GOOD");

        assertThat(errors(document(), extended)).isEmpty();
    }

    static Schema document() throws IOException {
        return registry().getSchema(SchemaLocation.of("urn:certcheck:report:schema-version-1"));
    }

    static Schema jsonLine() throws IOException {
        return registry().getSchema(SchemaLocation.of("urn:certcheck:report:schema-version-1#/$defs/jsonLine"));
    }

    private static SchemaRegistry registry() throws IOException {
        String text = Files.readString(SCHEMA);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(java.util.Map.of("urn:certcheck:report:schema-version-1", text)));
    }

    static List<Error> errors(Schema schema, JsonNode json) {
        return schema.validate(json);
    }

    private static JsonNode json(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new JsonReporter().write(report, out);
        return MAPPER.readTree(out.toString());
    }
}
