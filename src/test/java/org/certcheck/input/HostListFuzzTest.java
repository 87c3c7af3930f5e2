package org.certcheck.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes as a host file (or standard input): entries, or a {@link HostFileException} naming the
 * input; never any other exception. Every target is lower-case printable ASCII with its port in
 * range, and reading its {@code host:port} back gives the same target; every bad line names its
 * line. Seeds (every accepted and rejected form, BOMs, CR/LF, NUL, bad UTF-8) are in
 * {@code HostListFuzzTestInputs/}.
 */
class HostListFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void anyBytesGiveEntriesOrAReasonNamingTheInput(byte[] bytes) {
        List<HostListEntry> entries;
        try {
            entries = HostList.read(new ByteArrayInputStream(bytes), "fuzz");
        } catch (HostFileException e) {
            assertThat(e.getMessage()).startsWith("fuzz: ");
            return;
        }
        for (HostListEntry entry : entries) {
            if (entry instanceof Target target) {
                assertThat(target.host()).matches("[!-~]+").isEqualTo(target.host().toLowerCase(java.util.Locale.ROOT));
                assertThat(target.origin()).matches("fuzz:\\d+");
                // The host-file form of a target (scheme, connect-to address included) reads back as itself.
                HostListEntry again = HostListParser.parseTarget(target.display(), "again");
                assertThat(again).as("%s read back", target.display()).isInstanceOf(Target.class);
                assertThat(((Target) again).display()).as("%s read back", target.display()).isEqualTo(target.display());
            } else {
                InputProblem problem = (InputProblem) entry;
                assertThat(problem.origin()).matches("fuzz:\\d+");
                assertThat(problem.reason()).isNotBlank();
            }
        }
    }
}
