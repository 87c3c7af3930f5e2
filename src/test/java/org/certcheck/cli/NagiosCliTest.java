package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certcheck.testing.CliRun;
import org.certcheck.testing.SmallFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --nagios}: what Nagios or Icinga reads from stdout, and the plugin exit codes 0/1/2/3. */
class NagiosCliTest {
    /** One perfdata item of the plugin guidelines: 'label'=value[UOM];[warn];[crit];[min];[max]. */
    private static final Pattern PERFDATA = Pattern.compile("'((?:[^']|'')+)'=(-?[0-9]+);([^;\\s]*);([^;\\s]*)");

    @TempDir
    static Path temp;

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
    void everyTargetGoodIsOkWithItsDaysLeftAsPerfdata() {
        CliRun run = fleet.runOn(List.of(fleet.good), "--nagios");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("CERTCHECK OK - 1 checked: 1 pass, 0 warn, 0 fail, 0 unknown | ");
        assertThat(perfdata(run.out())).containsExactly(Map.entry(fleet.good, "90;30:;7:"));
        assertThat(run.out().lines()).hasSize(1);
    }

    @Test
    void aWarningIsWarningAFailureCriticalAnUncheckedTargetUnknown() {
        assertThat(fleet.runOn(List.of(fleet.good, fleet.expiring), "--nagios").exitCode()).isEqualTo(1);
        assertThat(fleet.runOn(List.of(fleet.expiring, fleet.refused), "--nagios").exitCode()).isEqualTo(3);
        CliRun all = fleet.run("--nagios", "--warn-days", "20", "--crit-days", "5");

        assertThat(all.exitCode()).isEqualTo(2);
        assertThat(all.out()).startsWith("CERTCHECK CRITICAL - 4 checked: 1 pass, 1 warn, 1 fail, 1 unknown | ");
        assertThat(perfdata(all.out())).containsExactly(Map.entry(fleet.good, "90;20:;5:"),
                Map.entry(fleet.expiring, "12;20:;5:"), Map.entry(fleet.expired, "-3;20:;5:"));
        assertThat(all.out().lines().skip(1)).extracting(line -> line.split(" ")[0] + " " + line.split(" ")[1])
                .containsExactly("WARN " + fleet.expiring + ":", "FAIL " + fleet.expired + ":",
                        "UNKNOWN " + fleet.refused + ":");
    }

    @Test
    void aBadOptionIsUnknownOnStdoutWhereNagiosLooks() {
        CliRun run = fleet.run("--nagios", "--warn-days", "soon");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).startsWith("CERTCHECK UNKNOWN - ").contains("--warn-days");
    }

    @Test
    void nagiosAndAnotherReportOnStdoutIsUnknownButFilesAreFine() throws IOException {
        CliRun clash = fleet.run("--nagios", "-o", "table");
        Path json = temp.resolve("nagios.json");
        CliRun withFile = fleet.runOn(List.of(fleet.good), "--nagios", "-o", "json=" + json);

        assertThat(clash.exitCode()).isEqualTo(3);
        assertThat(clash.out()).startsWith("CERTCHECK UNKNOWN - --nagios writes the plugin output on stdout");
        assertThat(withFile.exitCode()).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("summary")
                .get("pass").asInt()).isEqualTo(1);
    }

    private static Map<String, String> perfdata(String out) {
        String first = out.lines().findFirst().orElseThrow();
        String data = first.substring(first.indexOf(" | ") + 3);
        Map<String, String> items = new LinkedHashMap<>();
        Matcher item = PERFDATA.matcher(data);
        int end = 0;
        while (item.find()) {
            assertThat(data.substring(end, item.start()).trim()).as("between perfdata items").isEmpty();
            items.put(item.group(1).replace("''", "'"), item.group(2) + ";" + item.group(3) + ";" + item.group(4));
            end = item.end();
        }
        assertThat(data.substring(end)).isEmpty();
        return items;
    }
}
