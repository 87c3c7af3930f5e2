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
                "(\"table\" \"json\" \"jsonl\" \"junit\" \"prometheus\" \"csv\" \"html\")");
    }

    @Test
    void manPageSourcesDescribeTheCommandTheDemoAndTheExitCodes() throws Exception {
        BuildDocs.main(new String[] {target.toString()});

        String page = Files.readString(target.resolve("man-adoc/certcheck.adoc"));
        assertThat(page).contains("= certcheck(1)", "--output", "FORMAT[=FILE]", "Exit codes:", "--nagios",
                "\\https://host");
        assertThat(target.resolve("man-adoc/certcheck-demo.adoc")).exists();
    }

    @Test
    void generateCompletionPrintsTheSameScriptAtRunTime() {
        CliRun run = CliRun.run("generate-completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F _complete_certcheck", "--output");
    }
}
