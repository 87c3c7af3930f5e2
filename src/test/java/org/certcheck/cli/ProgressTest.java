package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.certcheck.input.HostListEntry;
import org.certcheck.input.InputProblem;
import org.certcheck.input.Target;
import org.certcheck.report.Status;
import org.certcheck.report.Verdict;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final StringWriter err = new StringWriter();

    @Test
    void redrawsOneLineInPlaceAndErasesItAtTheEnd() {
        Progress progress = new Progress(new PrintWriter(err), Progress.Total.rows(3));

        progress.arrived(verdict(Status.FAIL));
        progress.draw();
        progress.arrived(verdict(Status.UNKNOWN));
        progress.draw();
        progress.close();

        assertThat(err.toString()).isEqualTo("\rchecked 1 of 3 (1 fail, 0 unknown)\u001b[K"
                + "\rchecked 2 of 3 (1 fail, 1 unknown)\u001b[K" + "\r\u001b[K");
    }

    @Test
    void aQuickRunPrintsNothing() {
        Progress progress = new Progress(new PrintWriter(err), Progress.Total.rows(3)).start();

        progress.arrived(verdict(Status.PASS));
        progress.close();

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void nothingIsDrawnAfterTheLineWasErased() {
        Progress progress = new Progress(new PrintWriter(err), Progress.Total.rows(1));
        progress.close();

        progress.draw();

        assertThat(err.toString()).isEmpty();
    }

    /** --all-addresses: a row per address, so 2 names with 5 addresses are "2 of 2", never "5 of 2". */
    @Test
    void withARowPerAddressItCountsHostListEntriesNotRows() {
        Progress progress = new Progress(new PrintWriter(err), new Progress.Total(2, true));

        progress.arrived(row("a.test@192.0.2.1:443", "hosts.txt:1", Status.PASS));
        progress.arrived(row("a.test@192.0.2.2:443", "hosts.txt:1", Status.PASS));
        progress.arrived(row("a.test@2001:db8::1:443", "hosts.txt:1", Status.WARN));
        progress.draw();
        progress.arrived(row("b.test@192.0.2.3:443", "hosts.txt:2", Status.FAIL));
        progress.arrived(row("b.test@192.0.2.4:443", "hosts.txt:2", Status.PASS));
        progress.draw();

        assertThat(err.toString()).isEqualTo("\rchecked 1 of 2 (0 fail, 0 unknown)\u001b[K"
                + "\rchecked 2 of 2 (1 fail, 0 unknown)\u001b[K");
    }

    /** As the exit code does: a failed address makes the name failed, even if another was unreachable. */
    @Test
    void aNameWithAFailedAndAnUnreachableAddressCountsOnceAsFailed() {
        Progress progress = new Progress(new PrintWriter(err), new Progress.Total(2, true));

        progress.arrived(row("a.test@192.0.2.1:443", "hosts.txt:1", Status.UNKNOWN));
        progress.draw();
        progress.arrived(row("a.test@192.0.2.2:443", "hosts.txt:1", Status.FAIL));
        progress.arrived(row("a.test@192.0.2.3:443", "hosts.txt:1", Status.UNKNOWN));
        progress.arrived(row("b.test@192.0.2.4:443", "hosts.txt:2", Status.UNKNOWN));
        progress.draw();

        assertThat(err.toString()).isEqualTo("\rchecked 1 of 2 (0 fail, 1 unknown)\u001b[K"
                + "\rchecked 2 of 2 (1 fail, 1 unknown)\u001b[K");
    }

    @Test
    void theTotalOfANetworkCheckIsItsEntriesOrWithARowPerAddressItsOrigins() {
        // The same host file given twice: its bad line comes twice, with one origin.
        InputProblem badLine = new InputProblem("hosts.txt:3", "web:99999", "port out of range");
        List<HostListEntry> entries = List.of(new Target("a.test", 443, "hosts.txt:1"),
                new Target("b.test", 443, "hosts.txt:2"), badLine, badLine);

        assertThat(Progress.Total.of(entries, false)).isEqualTo(Progress.Total.rows(4));
        assertThat(Progress.Total.of(entries, true)).isEqualTo(new Progress.Total(3, true));
    }

    /** The demo's targets share one origin, but each gives one row: they are counted by row. */
    @Test
    void withoutARowPerAddressEveryRowIsAnEntryWhateverItsOrigin() {
        Progress progress = new Progress(new PrintWriter(err), Progress.Total.rows(2));

        progress.arrived(row("a.test:443", "demo", Status.PASS));
        progress.arrived(row("b.test:443", "demo", Status.FAIL));
        progress.draw();

        assertThat(err.toString()).isEqualTo("\rchecked 2 of 2 (1 fail, 0 unknown)\u001b[K");
    }

    private static Verdict verdict(Status status) {
        return row("a.test:443", "argument 1", status);
    }

    private static Verdict row(String target, String origin, Status status) {
        return new Verdict(target, origin, status, List.of(), Optional.empty(), List.of(), List.of(),
                Optional.empty(), Duration.ZERO);
    }
}
