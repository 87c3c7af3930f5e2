package org.certcheck.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.certcheck.input.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoProxyTest {

    @ParameterizedTest(name = "no_proxy={0}, {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            corp.test                  | corp.test         | true
            corp.test                  | wiki.corp.test    | true
            .corp.test                 | wiki.corp.test    | true
            corp.test                  | notcorp.test      | false
            corp.test:443              | wiki.corp.test    | true
            'a.test, corp.test'        | wiki.corp.test    | true
            *                          | anything.test     | true
            10.0.0.0/8                 | 10.20.30.40       | true
            10.0.0.0/8                 | 11.0.0.1          | false
            10.0.0.5                   | 10.0.0.5          | true
            2001:db8::/32              | 2001:db8::1       | true
            [2001:db8::1]              | 2001:db8::1       | true
            10.0.0.0/8                 | web.corp.test     | false
            ''                         | corp.test         | false
            """)
    void bypassesTheHostsCurlWould(String list, String host, boolean bypassed) {
        assertThat(NoProxy.parse(list).bypasses(new Target(host, 443, "test"))).isEqualTo(bypassed);
    }

    @ParameterizedTest(name = "no_proxy={0}, web.test@{1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.0/8                 | 10.1.2.3          | true
            10.0.0.0/8                 | 192.168.0.1       | false
            """)
    void matchesTheConnectToAddressToo(String list, String address, boolean bypassed) {
        assertThat(NoProxy.parse(list).bypasses(new Target("web.test", 443, "test").connectingTo(address)))
                .isEqualTo(bypassed);
    }
}
