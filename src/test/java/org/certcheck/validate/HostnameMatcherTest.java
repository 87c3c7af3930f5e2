package org.certcheck.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class HostnameMatcherTest {

    @Test
    void exactNameMatches() {
        assertThat(matches("www.example.com", dns("www.example.com"))).isTrue();
        assertThat(matches("www.example.com", dns("example.com"))).isFalse();
        assertThat(matches("www.example.com", dns("www.example.org"))).isFalse();
    }

    @Test
    void caseIsIgnoredOnBothSides() {
        assertThat(matches("www.example.com", dns("WWW.Example.COM"))).isTrue();
        assertThat(matches("WWW.EXAMPLE.com", dns("www.example.com"))).isTrue();
        assertThat(matches("A.EXAMPLE.COM", dns("*.Example.Com"))).isTrue();
    }

    @Test
    void oneTrailingDotOfTheExpectedNameIsIgnored() {
        assertThat(matches("www.example.com.", dns("www.example.com"))).isTrue();
        assertThat(matches("a.example.com.", dns("*.example.com"))).isTrue();
    }

    @Test
    void sanEntryWithATrailingDotMatchesNothing() {
        // RFC 5280 4.2.1.6 preferred name syntax has no trailing dot; OpenSSL and GnuTLS compare as written.
        assertThat(matches("www.example.com", dns("www.example.com."))).isFalse();
        assertThat(matches("www.example.com.", dns("www.example.com."))).isFalse();
        assertThat(matches("a.example.com", dns("*.example.com."))).isFalse();
    }

    @Test
    void emptyLabelsNeverMatch() {
        assertThat(matches("www.example.com..", dns("www.example.com"))).isFalse();
        assertThat(matches("www.example.com", dns("www.example.com.."))).isFalse();
        assertThat(matches("www..example.com", dns("www..example.com"))).isFalse();
        assertThat(matches(".example.com", dns(".example.com"))).isFalse();
        assertThat(matches("", dns(""))).isFalse();
    }

    @Test
    void wildcardMatchesOneLeftMostLabel() {
        assertThat(matches("a.example.com", dns("*.example.com"))).isTrue();
        assertThat(matches("xn--bcher-kva.example.com", dns("*.example.com"))).isTrue();
    }

    @Test
    void wildcardOverARegistrySuffixMatchesNothingAsInChromium() {
        assertThat(matches("shop.co.uk", dns("*.co.uk"))).isFalse();
        assertThat(matches("a.foo.ck", dns("*.foo.ck"))).isFalse(); // "*.ck" in the list: every foo.ck is a suffix
        assertThat(matches("a.www.ck", dns("*.www.ck"))).isTrue();  // "!www.ck": an exception, a registrable domain
        assertThat(matches("bucket.s3.amazonaws.com", dns("*.s3.amazonaws.com"))).isTrue(); // private section
        assertThat(matches("web.corp.example.co.uk", dns("*.corp.example.co.uk"))).isTrue();
    }

    @Test
    void wildcardDoesNotMatchTwoLabels() {
        assertThat(matches("a.b.example.com", dns("*.example.com"))).isFalse();
    }

    @Test
    void wildcardDoesNotMatchTheBareDomain() {
        assertThat(matches("example.com", dns("*.example.com"))).isFalse();
        assertThat(matches(".example.com", dns("*.example.com"))).isFalse();
    }

    @Test
    void partialLabelWildcardsNeverMatch() {
        assertThat(matches("foo.example.com", dns("f*.example.com"))).isFalse();
        assertThat(matches("foo.example.com", dns("*oo.example.com"))).isFalse();
        assertThat(matches("foo.example.com", dns("f*o.example.com"))).isFalse();
        assertThat(matches("f.example.com", dns("f*.example.com"))).isFalse();
    }

    @Test
    void wildcardOnlyInTheLeftMostLabel() {
        assertThat(matches("a.b.example.com", dns("a.*.example.com"))).isFalse();
        assertThat(matches("a.b.example.com", dns("*.*.example.com"))).isFalse();
        assertThat(matches("www.example.com", dns("www.example.*"))).isFalse();
    }

    @Test
    void wildcardOverAPublicSuffixNeverMatches() {
        assertThat(matches("example.com", dns("*.com"))).isFalse();
        assertThat(matches("example.com.", dns("*.com."))).isFalse();
        assertThat(matches("com", dns("*"))).isFalse();
        assertThat(matches("example.com", dns("*"))).isFalse();
    }

    @Test
    void expectedNameWithAWildcardMatchesNothing() {
        assertThat(matches("*.example.com", dns("*.example.com"))).isFalse();
    }

    @Test
    void theCommonNameIsNeverConsulted() {
        // The matcher only sees subjectAltName entries; a name given as another kind never matches.
        assertThat(matches("www.example.com", new SubjectAltName.Other("email", "www.example.com"))).isFalse();
        assertThat(HostnameMatcher.matches("www.example.com", List.of())).isFalse();
    }

    @Test
    void ipv4TargetMatchesIpv4Entry() {
        assertThat(matches("10.0.0.1", ip("10.0.0.1"))).isTrue();
        assertThat(matches("10.0.0.2", ip("10.0.0.1"))).isFalse();
    }

    @Test
    void ipTargetNeverMatchesDnsNamesOrWildcards() {
        assertThat(matches("10.0.0.1", dns("10.0.0.1"))).isFalse();
        assertThat(matches("10.0.0.1", dns("*.0.0.1"))).isFalse();
        assertThat(matches("10.0.0.1", dns("*"))).isFalse();
        assertThat(matches("2001:db8::1", dns("2001:db8::1"))).isFalse();
        assertThat(matches("10.0.0.1.", dns("10.0.0.1"))).isFalse();
    }

    @Test
    void dnsTargetNeverMatchesIpEntries() {
        assertThat(matches("localhost", ip("127.0.0.1"))).isFalse();
    }

    @Test
    void ipv6IsComparedAsAddressesNotText() {
        assertThat(matches("2001:db8::1", ip("2001:0db8:0:0:0:0:0:1"))).isTrue();
        assertThat(matches("2001:DB8:0:0:0:0:0:1", ip("2001:db8::1"))).isTrue();
        assertThat(matches("2001:db8::2", ip("2001:db8::1"))).isFalse();
    }

    @Test
    void ipv4DoesNotMatchItsIpv4MappedForm() {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        assertThat(matches("10.0.0.1", SubjectAltName.ipAddress(mapped))).isFalse();
        assertThat(matches("::ffff:10.0.0.1", ip("10.0.0.1"))).isFalse();
        assertThat(matches("::ffff:10.0.0.1", SubjectAltName.ipAddress(mapped))).isTrue();
    }

    @Test
    void malformedIpEntryNeverMatches() {
        assertThat(matches("10.0.0.1", SubjectAltName.ipAddress(new byte[] {10, 0, 0, 1, 0}))).isFalse();
        assertThat(matches("10.0.0.1", SubjectAltName.ipAddress(new byte[0]))).isFalse();
    }

    @Test
    void internationalNameMatchesItsALabel() {
        assertThat(matches("bücher.example", dns("xn--bcher-kva.example"))).isTrue();
        assertThat(matches("xn--bcher-kva.example", dns("xn--bcher-kva.example"))).isTrue();
        assertThat(matches("BÜCHER.example", dns("XN--BCHER-KVA.example"))).isTrue();
    }

    @Test
    void entryInULabelFormNeverMatches() {
        assertThat(matches("bücher.example", dns("bücher.example"))).isFalse();
        assertThat(matches("xn--bcher-kva.example", dns("bücher.example"))).isFalse();
    }

    @Test
    void kelvinSignInAnEntryDoesNotPassForK() {
        assertThat("\u212A".toLowerCase(Locale.ROOT)).isEqualTo("k");
        assertThat(matches("kitchen.example.com", dns("\u212Aitchen.example.com"))).isFalse();
        assertThat(matches("kitchen.example.com", dns("\u212AITCHEN.EXAMPLE.COM"))).isFalse();
        assertThat(matches("a.example.com", dns("*.example.\u212Aom"))).isFalse();
    }

    @Test
    void upperCaseIMatchesUnderATurkishDefaultLocale() {
        // With a Turkish default locale, "I".toLowerCase() is a dotless i; ROOT keeps it ASCII.
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(matches("mail.example.com", dns("MAIL.EXAMPLE.COM"))).isTrue();
            assertThat(matches("MAIL.EXAMPLE.COM", dns("mail.example.com"))).isTrue();
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void anyOfSeveralEntriesMayMatch() {
        List<SubjectAltName> names = List.of(dns("example.com"), dns("*.example.com"), ip("10.0.0.1"));
        assertThat(HostnameMatcher.matches("example.com", names)).isTrue();
        assertThat(HostnameMatcher.matches("www.example.com", names)).isTrue();
        assertThat(HostnameMatcher.matches("10.0.0.1", names)).isTrue();
        assertThat(HostnameMatcher.matches("a.b.example.com", names)).isFalse();
    }

    @Test
    void ipEntriesAreShownInCanonicalForm() {
        assertThat(ip("10.0.0.1").display()).isEqualTo("IP:10.0.0.1");
        assertThat(ip("2001:0db8:0:0:0:0:0:1").display()).isEqualTo("IP:2001:db8::1");
        assertThat(ip("2001:db8:0:0:1:0:0:1").display()).isEqualTo("IP:2001:db8::1:0:0:1");
        assertThat(ip("::").display()).isEqualTo("IP:::");
        assertThat(ip("::1").display()).isEqualTo("IP:::1");
        assertThat(ip("fe80::").display()).isEqualTo("IP:fe80::");
        assertThat(ip("2001:db8:1:1:1:1:0:1").display()).isEqualTo("IP:2001:db8:1:1:1:1:0:1");
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        assertThat(SubjectAltName.ipAddress(mapped).display()).isEqualTo("IP:::ffff:10.0.0.1");
    }

    private static boolean matches(String expected, SubjectAltName name) {
        return HostnameMatcher.matches(expected, List.of(name));
    }

    private static SubjectAltName dns(String name) {
        return SubjectAltName.dns(name);
    }

    private static SubjectAltName ip(String literal) {
        try {
            return SubjectAltName.ipAddress(InetAddress.getByName(literal).getAddress());
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(literal, e);
        }
    }
}
