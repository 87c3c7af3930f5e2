package org.certcheck.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResolveOverrideTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            web.corp:443:10.1.2.3          | web.corp | 443 | 10.1.2.3
            WEB.Corp.:8443:10.1.2.3        | web.corp | 8443 | 10.1.2.3
            web.corp:*:10.1.2.3            | web.corp | 0   | 10.1.2.3
            web.corp:443:[2001:DB8::1]     | web.corp | 443 | 2001:db8::1
            web.corp:443:2001:db8::1       | web.corp | 443 | 2001:db8::1
            """)
    void parsesNamePortAndAddress(String text, String host, int port, String address) {
        assertThat(ResolveOverride.parse(text)).isEqualTo(new ResolveOverride(host, port, address));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            web.corp:443                   | "web.corp:443" is not NAME:PORT:ADDRESS (e.g. web.corp:443:10.1.2.3)
            web.corp:99999:10.1.2.3        | "web.corp:99999:10.1.2.3": port out of range (1-65535)
            web!:443:10.1.2.3              | "web!:443:10.1.2.3": invalid character "!" in host name
            web.corp:443:web2.corp         | "web.corp:443:web2.corp": "web2.corp" is not an IP address
            """)
    void refusesWhatIsNotNamePortAddress(String text, String message) {
        assertThatThrownBy(() -> ResolveOverride.parse(text)).hasMessage(message);
    }

    @Test
    void pointsMatchingTargetsAtTheAddressAndLeavesOthersAlone() {
        List<HostListEntry> entries = List.of(new Target("web.corp", 443, "a"), new Target("web.corp", 8443, "b"),
                new Target("other.corp", 443, "c"), new Target("web.corp", 443, "d").connectingTo("10.9.9.9"));

        List<HostListEntry> pointed = ResolveOverride.apply(List.of(ResolveOverride.parse("web.corp:443:10.1.2.3")), entries);

        assertThat(pointed).extracting(entry -> ((Target) entry).display())
                .containsExactly("web.corp@10.1.2.3:443", "web.corp:8443", "other.corp:443", "web.corp@10.9.9.9:443");
    }

    /** Issue 17: an override for another port, or for a name not checked, is said, not ignored. */
    @Test
    void anOverrideThatPointsNoTargetIsNamed() {
        List<HostListEntry> entries = List.of(new Target("wiki.corp", 443, "hosts.txt:1"),
                new Target("intranet.corp", 8443, "hosts.txt:2"));
        List<ResolveOverride> overrides = List.of(ResolveOverride.parse("wiki.corp:8443:10.0.0.1"),
                ResolveOverride.parse("intranet.corp:*:10.0.0.2"), ResolveOverride.parse("jira.corp:443:10.0.0.3"));

        assertThat(ResolveOverride.unused(overrides, entries)).containsExactly(
                "--resolve wiki.corp:8443:10.0.0.1 matches no target: wiki.corp is checked on port 443 (give that port,"
                        + " or '*' for any port)",
                "--resolve jira.corp:443:10.0.0.3 matches no target: no target is named jira.corp");
    }
}
