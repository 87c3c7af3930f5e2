package org.certcheck.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.certcheck.testing.ExternalTool;
import org.junit.jupiter.api.Test;

/**
 * The man pages as {@code man} shows them, rendered by groff (issue 17: the synopsis once lost
 * {@code -o} to AsciiDoc's brackets and the NAME line stopped mid-sentence). After {@code package}.
 */
class ManPageIT {
    private static final Path PAGE = Path.of("target/man/certcheck.1");

    @Test
    void theMainPageHasAWholeNameLineAndEveryOptionInItsSynopsis() throws Exception {
        assumeTrue(Files.isRegularFile(PAGE), "target/man/certcheck.1 is not built: run mvn -B package first");
        ExternalTool groff = ExternalTool.require("groff", "groff-base");

        ExternalTool.Outcome page = groff.run(Files.readString(PAGE), 60, "-man", "-Tutf8", "-P-cbou", "-ww");

        assertThat(page.exitCode()).isZero();
        assertThat(page.err()).isEmpty();
        String text = page.out().replaceAll("\\s+", " ");
        assertThat(text).contains("NAME certcheck - Checks the TLS certificates of many hosts against your own CA and"
                + " reports every problem of each SYNOPSIS");
        String synopsis = text.substring(text.indexOf("SYNOPSIS"), text.indexOf("DESCRIPTION"));
        assertThat(synopsis).contains("[-o=FORMAT[=FILE]]...").contains("[--pin=[TARGET=]PIN]...")
                .contains("[--ca=FILE|DIR]...").doesNotContain("_").doesNotContain("] ]");
        assertThat(text).contains("SEE ALSO").contains("certcheck-verify(1)").contains("usage.md");
    }

    @Test
    void everyPageRendersWithoutWarnings() throws Exception {
        assumeTrue(Files.isRegularFile(PAGE), "target/man/certcheck.1 is not built: run mvn -B package first");
        ExternalTool groff = ExternalTool.require("groff", "groff-base");
        try (var pages = Files.list(PAGE.getParent())) {
            for (Path manPage : pages.filter(p -> p.toString().endsWith(".1")).toList()) {
                ExternalTool.Outcome page = groff.run(Files.readString(manPage), 60, "-man", "-Tutf8", "-P-cbou", "-ww");

                assertThat(page.exitCode()).as(manPage.toString()).isZero();
                assertThat(page.err()).as(manPage.toString()).isEmpty();
                assertThat(page.out()).as(manPage.toString()).contains("NAME").contains("SYNOPSIS");
            }
        }
    }
}
