package org.certcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void ansiSequenceBecomesVisible() {
        assertThat(TerminalText.escape("CN=evil\u001b[31m PASS")).isEqualTo("CN=evil\\x1b[31m PASS");
    }

    @Test
    void everyC0ControlDelAndC1ControlIsEscaped() {
        assertThat(TerminalText.escape("a\u0000b\tc\nd\re\u007ff\u0085g\u009bh"))
                .isEqualTo("a\\x00b\\x09c\\x0ad\\x0de\\x7ff\\x85g\\x9bh");
    }

    @Test
    void bidiOverridesAndLineSeparatorsAreEscaped() {
        assertThat(TerminalText.escape("CN=\u202egnp.exe\u2066x\u2028y"))
                .isEqualTo("CN=\\u202egnp.exe\\u2066x\\u2028y");
    }

    @Test
    void unpairedSurrogateIsEscapedButAPairIsKept() {
        assertThat(TerminalText.escape("a\ud800b \ud83d\udd12 \udc00"))
                .isEqualTo("a\\ud800b \ud83d\udd12 \\udc00");
    }

    @Test
    void printableTextIncludingNonAsciiAndRfc2253EscapesIsUnchanged() {
        String dn = "CN=M\u00fcller \\, Gr\u00fc\u00dfe,O=\u4f8b,C=DE";

        assertThat(TerminalText.escape(dn)).isEqualTo(dn);
    }
}
