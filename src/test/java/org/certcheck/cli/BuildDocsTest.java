package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.certcheck.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script and man page sources the build writes come from the real options. */
class BuildDocsTest {
    @TempDir
    Path target;

    @Test
    void completionScriptKnowsEveryReportOptionAndTheFormats() throws Exception {
        BuildDocs.main(new String[] {target.toString()});

        String script = Files.readString(target.resolve("completion/certcheck_completion"));
        assertThat(script).contains("complete -F _complete_certcheck", "--output", "--nagios", "--quiet", "--sort",
                "--ca", "demo");
        assertThat(script).contains("(\"input\" \"status\" \"expiry\" \"target\") # --sort values",
                "(\"table\" \"json\" \"jsonl\" \"junit\" \"prometheus\" \"csv\" \"html\" \"ics\")");
    }

    @Test
    void manPageSourcesDescribeTheCommandTheDemoAndTheExitCodes() throws Exception {
        BuildDocs.main(new String[] {target.toString()});

        String page = Files.readString(target.resolve("man-adoc/certcheck.adoc"));
        assertThat(page).contains("= certcheck(1)", "--output", "FORMAT{startsb}=FILE{endsb}", "Exit codes:", "--nagios",
                "\\https://host");
        assertThat(target.resolve("man-adoc/certcheck-demo.adoc")).exists();
    }

    @Test
    void theInventoryPageAndCompletionLeaveOutThePinTheNetworkCheckAndVerifyOffer() throws Exception {
        BuildDocs.main(new String[] {target.toString()});

        assertThat(Files.readString(target.resolve("man-adoc/certcheck-inventory.adoc"))).contains("--anchor")
                .doesNotContain("--pin");
        assertThat(Files.readString(target.resolve("man-adoc/certcheck.adoc"))).contains("--pin");
        assertThat(Files.readString(target.resolve("man-adoc/certcheck-verify.adoc"))).contains("--pin");
        String script = Files.readString(target.resolve("completion/certcheck_completion"));
        assertThat(completionOf(script, "inventory")).contains("'--anchor'").doesNotContain("'--pin'");
        assertThat(completionOf(script, "verify")).contains("'--anchor'", "'--pin'");
    }

    @Test
    void generateCompletionPrintsTheSameScriptAtRunTime() {
        CliRun run = CliRun.run("generate-completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F _complete_certcheck", "--output");
    }

    /** The completion function of one subcommand: from its header to the next function's. */
    private static String completionOf(String script, String subcommand) {
        String start = "function _picocli_certcheck_" + subcommand + "()";
        assertThat(script).contains(start);
        String rest = script.substring(script.indexOf(start) + start.length());
        int next = rest.indexOf("\nfunction ");
        return next < 0 ? rest : rest.substring(0, next);
    }
}
