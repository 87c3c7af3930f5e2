package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.SmallFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code --output FORMAT[=FILE]}, repeated: what lands on stdout and in each file, and what is refused. */
class OutputsCliTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path temp;
    @TempDir
    Path reports;

    private static SmallFleet fleet;

    @BeforeAll
    static void startFleet() throws IOException {
        fleet = SmallFleet.start(temp);
    }

    @AfterAll
    static void stopFleet() throws IOException {
        fleet.close();
    }

    @Test
    void tableOnStdoutAndJsonJsonlCsvInFilesFromOneRun() throws IOException {
        Path json = reports.resolve("report.json");
        Path jsonl = reports.resolve("report.jsonl");
        Path csv = reports.resolve("report.csv");

        CliRun run = fleet.run("-o", "table", "-o", "json=" + json, "--output=jsonl=" + jsonl, "-o", "CSV=" + csv);

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).startsWith("TARGET").contains("4 checked: 1 pass, 1 warn, 1 fail, 1 unknown");
        JsonNode document = MAPPER.readTree(json.toFile());
        assertThat(document.get("targets").findValuesAsText("target")).containsExactlyElementsOf(fleet.targets());
        assertThat(Files.readAllLines(jsonl)).hasSize(4).allSatisfy(line ->
                assertThat(MAPPER.readTree(line).get("schemaVersion").asInt()).isEqualTo(1));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(csv))).getRecords();
        assertThat(rows).extracting(row -> row.get("status")).containsExactly("PASS", "WARN", "FAIL", "UNKNOWN");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void junitFileFromARealRunIsValidAndAgreesWithTheExitCode() throws Exception {
        Path junit = reports.resolve("certcheck.xml");

        CliRun run = fleet.run("--fail-on", "warn", "-o", "junit=" + junit);

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        String xml = Files.readString(junit);
        org.certcheck.report.JunitReporterTest.validate(xml);
        var testcases = org.certcheck.report.JunitReporterTest.testcases(org.certcheck.report.JunitReporterTest.parse(xml));
        assertThat(testcases).extracting(testcase -> testcase.getAttribute("name"))
                .containsExactlyElementsOf(fleet.targets());
        assertThat(testcases).extracting(testcase -> testcase.getFirstChild().getNextSibling().getNodeName())
                .containsExactly("system-out", "failure", "failure", "error");
    }

    @Test
    void prometheusTextfileFromARealRunPassesPromtoolAndParses() throws Exception {
        Path prom = reports.resolve("certcheck.prom");

        CliRun run = fleet.run("-o", "prometheus=" + prom);

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        String text = Files.readString(prom);
        assertThat(org.certcheck.testing.PrometheusText.lint(text).exitCode()).isZero();
        var success = org.certcheck.testing.PrometheusText.parse(text).stream()
                .filter(sample -> sample.name().equals("certcheck_target_check_success"))
                .collect(java.util.stream.Collectors.toMap(sample -> sample.labels().get("target"),
                        org.certcheck.testing.PrometheusText.Sample::value));
        assertThat(success).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                fleet.good, 1.0, fleet.expiring, 1.0, fleet.expired, 0.0, fleet.refused, 0.0));
    }

    @Test
    void htmlReportFromARealRunOpensInChromiumWithEveryTarget() throws Exception {
        Path html = reports.resolve("certcheck.html");
        CliRun run = fleet.run("-o", "html=" + html);
        var chromium = org.certcheck.testing.HeadlessChromium.require(reports);

        var page = chromium.open(html, "");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(page.console()).isEmpty();
        assertThat(page.dom().selectFirst("html").attr("data-script")).isEqualTo("ok");
        assertThat(page.dom().select("#targets tbody tr")).extracting(row -> row.child(0).ownText())
                .containsExactlyElementsOf(fleet.targets());
        assertThat(page.dom().select("svg.timeline rect.cert")).hasSize(3);
    }

    @Test
    void outputJsonAloneStillPrintsTheJsonDocumentOnStdout() {
        CliRun run = fleet.run("--output", "json");

        assertThat(run.json().get("summary").get("total").asInt()).isEqualTo(4);
        assertThat(run.json().get("targets").get(0).get("status").asText()).isEqualTo("PASS");
    }

    @Test
    void jsonlOnStdoutHasOneParsableLinePerTarget() throws IOException {
        CliRun run = fleet.run("-o", "jsonl");

        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(4);
        List<String> targets = lines.stream().map(line -> {
            try {
                return MAPPER.readTree(line).get("target").asText();
            } catch (IOException e) {
                throw new AssertionError(line, e);
            }
        }).toList();
        assertThat(targets).containsExactlyInAnyOrderElementsOf(fleet.targets());
    }

    @Test
    void anExistingReportIsReplacedWholeAndKeepsItsPermissions() throws IOException {
        Path csv = Files.writeString(reports.resolve("certs.csv"), "yesterday's report\n");
        Files.setPosixFilePermissions(csv, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));

        CliRun run = fleet.run("-o", "csv=" + csv);

        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(csv)).startsWith("target,origin,status").doesNotContain("yesterday");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)))
                .isEqualTo("rw-r-----");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void twoReportsOnStdoutAreAUsageErrorNamingTheFix() {
        CliRun run = fleet.run("-o", "table", "-o", "json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("only one report can go to stdout, got table and json")
                .contains("--output json=report.json");
    }

    @Test
    void aFileInAMissingDirectoryIsAUsageErrorBeforeAnyHostIsChecked() {
        Path missing = reports.resolve("no/such/dir/report.xml");

        CliRun run = fleet.run("-o", "table", "-o", "csv=" + missing);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("cannot write the csv report to " + missing).contains("does not exist");
    }

    @Test
    void theSameFileTwiceIsAUsageError() {
        Path file = reports.resolve("r.out");

        CliRun run = fleet.run("-o", "csv=" + file, "-o", "json=" + reports.resolve(".").resolve("r.out"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("two reports would be written to");
    }

    @Test
    void anUnknownFormatIsAUsageErrorListingTheFormats() {
        CliRun run = fleet.run("-o", "xml=report.xml");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("unknown format 'xml' in 'xml=report.xml': use one of table, json, jsonl");
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(reports)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
