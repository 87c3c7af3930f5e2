package org.certcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectAltNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "0:0:0:0:0:0:0:1, ::1",
            "0:0:0:0:0:0:0:0, ::",
            "fe80:0:0:0:0:0:0:0, fe80::",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "1:0:0:2:0:0:0:3, 1:0:0:2::3",
            "2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:FFFF, 2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff",
    })
    void ipv6IsCompressedAsRfc5952Says(String address, String expected) throws Exception {
        assertThat(SubjectAltNames.ipAddress(InetAddress.getByName(address).getAddress())).isEqualTo(expected);
    }

    @Test
    void ipv4MappedIpv6KeepsTheDottedQuad() {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 1};

        assertThat(SubjectAltNames.ipAddress(mapped)).isEqualTo("::ffff:192.0.2.1");
    }

    @Test
    void ipv4IsADottedQuad() {
        assertThat(SubjectAltNames.ipAddress(new byte[] {10, 0, 0, (byte) 255})).isEqualTo("10.0.0.255");
    }

    @Test
    void malformedAddressLengthIsShownAsHex() {
        assertThat(SubjectAltNames.ipAddress(new byte[] {10, 0, 0, 0, (byte) 255, 0, 0, 0}))
                .isEqualTo("#0a000000ff000000");
    }
}
