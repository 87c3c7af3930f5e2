package org.certcheck.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;

import org.certcheck.input.IpLiteral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The address classifier and the policy as units: no address here is ever connected to. */
class FetchPolicyTest {
    private static final FetchPolicy INTRANET = new FetchPolicy(FetchPolicy.Level.INTRANET, List.of());

    private static InetAddress ip(String text) {
        return IpLiteral.parse(text).orElseThrow(() -> new AssertionError("not an IP literal: " + text));
    }

    @ParameterizedTest
    @CsvSource({
        "169.254.169.254, LINK_LOCAL", "169.254.0.1, LINK_LOCAL", "fe80::1, LINK_LOCAL",
        "127.0.0.1, LOOPBACK", "127.255.0.9, LOOPBACK", "::1, LOOPBACK",
        "0.0.0.0, UNSPECIFIED", "::, UNSPECIFIED",
        "10.1.2.3, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE",
        "172.32.0.1, PUBLIC", "172.15.0.1, PUBLIC", "8.8.8.8, PUBLIC", "2001:db8::1, PUBLIC",
        "100.64.0.1, SHARED", "100.127.255.255, SHARED", "100.128.0.1, PUBLIC",
        "100.100.100.200, METADATA", "fd00:ec2::254, METADATA",
        "fd12:3456::1, UNIQUE_LOCAL", "fc00::1, UNIQUE_LOCAL",
        "224.0.0.1, MULTICAST", "ff02::1, MULTICAST", "255.255.255.255, RESERVED",
        "::ffff:169.254.169.254, LINK_LOCAL", "::ffff:127.0.0.1, LOOPBACK",
        "::169.254.169.254, LINK_LOCAL", "64:ff9b::a9fe:a9fe, LINK_LOCAL", "64:ff9b::808:808, PUBLIC",
    })
    void classifiesEveryRangeTheDocsName(String address, AddressScope expected) {
        assertThat(AddressScope.of(ip(address))).isEqualTo(expected);
    }

    @Test
    void intranetRefusesMetadataLoopbackAndUnspecifiedButAdmitsPrivateAndPublic() {
        assertThat(INTRANET.refusal("169.254.169.254", 80, ip("169.254.169.254"))).contains(
                "not fetched: 169.254.169.254 is a link-local address (where cloud metadata services answer), which"
                        + " --fetch-policy intranet refuses; to fetch from it anyway add --fetch-allow 169.254.169.254");
        assertThat(INTRANET.refusal("ocsp.evil.test", 80, ip("127.0.0.1"))).contains(
                "not fetched: ocsp.evil.test is 127.0.0.1, a loopback address (this machine's own services), which"
                        + " --fetch-policy intranet refuses; to fetch from it anyway add --fetch-allow ocsp.evil.test");
        assertThat(INTRANET.refusal("0.0.0.0", 80, ip("0.0.0.0"))).isPresent();
        assertThat(INTRANET.refusal("::1", 80, ip("::1"))).get().asString().endsWith("--fetch-allow [::1]");
        assertThat(INTRANET.refusal("ocsp.corp", 80, ip("10.20.30.40"))).isEmpty();
        assertThat(INTRANET.refusal("ocsp.corp", 80, ip("fd12::1"))).isEmpty();
        assertThat(INTRANET.refusal("ocsp.example", 80, ip("93.184.216.34"))).isEmpty();
    }

    @Test
    void publicRefusesPrivateAddressesAnyRefusesNothing() {
        FetchPolicy publicOnly = new FetchPolicy(FetchPolicy.Level.PUBLIC, List.of());
        assertThat(publicOnly.refusal("ocsp.corp", 80, ip("10.0.0.1"))).get().asString()
                .contains("a private (RFC 1918) address, which --fetch-policy public refuses");
        assertThat(publicOnly.refusal("ocsp.example", 80, ip("93.184.216.34"))).isEmpty();
        assertThat(FetchPolicy.ANY.refusal("x", 80, ip("169.254.169.254"))).isEmpty();
    }

    @Test
    void noneRefusesAllButTheAllowList() {
        FetchPolicy none = new FetchPolicy(FetchPolicy.Level.NONE,
                List.of(FetchAllow.parse("ocsp.corp"), FetchAllow.parse("10.9.0.0/16")));
        assertThat(none.refusal("crl.corp", 80, ip("10.1.0.1"))).contains("not fetched: --fetch-policy none fetches"
                + " nothing that --fetch-allow does not name; to fetch from this host add --fetch-allow crl.corp");
        assertThat(none.admitsHost("OCSP.corp.", 80)).isTrue();
        assertThat(none.refusal("crl.corp", 80, ip("10.9.200.1"))).isEmpty();
    }

    @Test
    void allowEntriesMatchNamesAddressesNetworksAndPorts() {
        FetchPolicy allowing = new FetchPolicy(FetchPolicy.Level.INTRANET, List.of(FetchAllow.parse("127.0.0.1:8080"),
                FetchAllow.parse("[::1]:9090"), FetchAllow.parse("169.254.0.0/16"), FetchAllow.parse("B\u00fccher.test.")));
        assertThat(allowing.refusal("127.0.0.1", 8080, ip("127.0.0.1"))).isEmpty();
        assertThat(allowing.refusal("127.0.0.1", 8081, ip("127.0.0.1"))).isPresent();
        assertThat(allowing.refusal("::1", 9090, ip("::1"))).isEmpty();
        assertThat(allowing.refusal("meta", 80, ip("169.254.169.254"))).isEmpty();
        assertThat(allowing.admitsHost("xn--bcher-kva.test", 443)).isTrue();
    }

    @Test
    void badAllowEntriesSayWhatIsWrong() {
        assertThatThrownBy(() -> FetchAllow.parse("10.0.0.0/33")).hasMessageContaining("prefix length \"33\" out of"
                + " range (0-32)");
        assertThatThrownBy(() -> FetchAllow.parse("ocsp.corp:99999")).hasMessageContaining("port \"99999\" out of range");
        assertThatThrownBy(() -> FetchAllow.parse("corp/8")).hasMessageContaining("\"corp\" is not an IP address");
        assertThatThrownBy(() -> FetchAllow.parse(" ")).hasMessageContaining("empty");
    }
}
