package org.certcheck.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void plainTextIsKeptAsIs() {
        assertThat(Printable.printable("CN=bücher.example, O=Ünïcode")).isEqualTo("CN=bücher.example, O=Ünïcode");
    }

    @Test
    void asciiControlsAndDeleteBecomeHexEscapes() {
        assertThat(Printable.printable("a\u001b[31mb\r\n\u007f")).isEqualTo("a\\x1B[31mb\\x0D\\x0A\\x7F");
    }

    @Test
    void c1ControlsAndBidiOverridesBecomeCodePointEscapes() {
        assertThat(Printable.printable("a\u009bb\u202ec\u2028")).isEqualTo("a\\u{009B}b\\u{202E}c\\u{2028}");
    }
}
