package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.certcheck.report.Status;
import org.certcheck.report.Verdict;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final StringWriter err = new StringWriter();

    @Test
    void redrawsOneLineInPlaceAndErasesItAtTheEnd() {
        Progress progress = new Progress(new PrintWriter(err), 3);

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
        Progress progress = new Progress(new PrintWriter(err), 3).start();

        progress.arrived(verdict(Status.PASS));
        progress.close();

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void nothingIsDrawnAfterTheLineWasErased() {
        Progress progress = new Progress(new PrintWriter(err), 1);
        progress.close();

        progress.draw();

        assertThat(err.toString()).isEmpty();
    }

    private static Verdict verdict(Status status) {
        return new Verdict("a.test:443", "argument 1", status, List.of(), Optional.empty(), List.of(), List.of(),
                Optional.empty(), Duration.ZERO);
    }
}
