package org.certcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordWrapTest {

    @Test
    void noLimitKeepsOneLine() {
        assertThat(WordWrap.wrap("a b c d e f g h", 0)).containsExactly("a b c d e f g h");
    }

    @Test
    void wrapsAtSpacesAndIndentsContinuationLines() {
        assertThat(WordWrap.wrap("expired 3 days ago: renew it now", 12))
                .containsExactly("expired 3", "  days ago:", "  renew it", "  now");
    }

    @Test
    void cutsAWordLongerThanTheLine() {
        assertThat(WordWrap.wrap("AB:CD:EF:01:23:45", 8)).containsExactly("AB:CD:EF", "  :01:23", "  :45");
    }

    @Test
    void textThatFitsIsUntouched() {
        assertThat(WordWrap.wrap("exactly ten", 11)).containsExactly("exactly ten");
    }
}
