package org.certcheck.finding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrintableTest {

    @Test
    void printableTextIncludingNonAsciiAndRfc2253EscapesIsKeptAsIs() {
        String dn = "CN=M\u00fcller \\, Gr\u00fc\u00dfe,O=\u4f8b,C=DE";

        assertThat(Printable.printable(dn)).isSameAs(dn);
    }

    @Test
    void ansiSequenceBecomesVisible() {
        assertThat(Printable.printable("CN=evil\u001b[31m PASS")).isEqualTo("CN=evil\\x1B[31m PASS");
    }

    @Test
    void everyC0ControlAndDeleteBecomeHexEscapes() {
        assertThat(Printable.printable("a\u0000b\tc\nd\re\u007ff")).isEqualTo("a\\x00b\\x09c\\x0Ad\\x0De\\x7Ff");
    }

    @Test
    void c1ControlsBecomeCodePointEscapes() {
        assertThat(Printable.printable("a\u0085b\u009bc")).isEqualTo("a\\u{0085}b\\u{009B}c");
    }

    @Test
    void bidiOverridesZeroWidthCharactersAndLineSeparatorsBecomeCodePointEscapes() {
        assertThat(Printable.printable("CN=\u202egnp.exe\u2066x\u200by\u2028z\u2029"))
                .isEqualTo("CN=\\u{202E}gnp.exe\\u{2066}x\\u{200B}y\\u{2028}z\\u{2029}");
    }

    @Test
    void theBracesEndTheEscapeBeforeFollowingHexDigits() {
        assertThat(Printable.printable("\u202eabc")).isEqualTo("\\u{202E}abc");
    }

    @Test
    void unpairedSurrogateIsEscapedButAPairIsKept() {
        assertThat(Printable.printable("a\ud800b \ud83d\udd12 \udc00"))
                .isEqualTo("a\\u{D800}b \ud83d\udd12 \\u{DC00}");
    }

    @Test
    void aFormatCharacterOutsideTheBasicPlaneIsEscapedWhole() {
        assertThat(Printable.printable("x\udb40\udc01y")).isEqualTo("x\\u{E0001}y");
    }
}
