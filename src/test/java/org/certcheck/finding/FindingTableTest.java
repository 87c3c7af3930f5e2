package org.certcheck.finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/findings.md is the table the code generates; with -Dcertcheck.writeDocs=true this test rewrites it. */
class FindingTableTest {
    private static final Path DOC = Path.of(System.getProperty("user.dir"), "docs", "findings.md");

    @Test
    void theFindingTableInTheDocsIsTheOneTheCodeGenerates() throws IOException {
        String generated = FindingTable.markdown();
        if (Boolean.getBoolean("certcheck.writeDocs")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/findings.md is out of date: run mvn -B test -Dtest=FindingTableTest -Dcertcheck.writeDocs=true")
                .isEqualTo(generated);
    }

    @Test
    void everyCodeAppearsWithItsKind() {
        String table = FindingTable.markdown();
        for (FindingCode code : FindingCode.values()) {
            assertThat(table).contains("| `" + code.code() + "` | " + code.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(table).contains("| lint |").contains("WARN / WARN / INFO");
    }
}
