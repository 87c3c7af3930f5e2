package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Severity;
import org.certcheck.input.Target;
import org.certcheck.pki.HeldCertificate;

import static org.assertj.core.api.Assertions.assertThat;

class HostnameCheckTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final HostnameCheck check = new HostnameCheck();

    @Test
    void matchingNameGivesNoFindings() {
        X509Certificate leaf = leaf().addSubjectAltName("*.example.com").addSubjectAltName("example.com").build()
                .certificate();

        assertThat(check.check(leaf, target("www.example.com"))).isEmpty();
        assertThat(check.check(leaf, target("example.com"))).isEmpty();
    }

    @Test
    void matchingIpAddressGivesNoFindings() {
        X509Certificate leaf = leaf().addIpAddress("10.0.0.1").addIpAddress("2001:db8::1").build().certificate();

        assertThat(check.check(leaf, target("10.0.0.1"))).isEmpty();
        assertThat(check.check(leaf, target("2001:db8:0:0:0:0:0:1"))).isEmpty();
    }

    @Test
    void mismatchListsWhatTheCertificateIsValidFor() {
        X509Certificate leaf = leaf().commonName("web").addSubjectAltName("*.example.com")
                .addSubjectAltName("example.com").addIpAddress("10.0.0.1").build().certificate();

        List<Finding> findings = check.check(leaf, target("www.example.org"));

        assertThat(findings).containsExactly(Finding.about("CN=web", FindingCode.HOST_MISMATCH, Severity.FAIL,
                "certificate is valid for DNS:*.example.com, DNS:example.com, IP:10.0.0.1, not for www.example.org: "
                        + "reissue it with DNS:www.example.org in its subjectAltName, or check the target name"));
    }

    @Test
    void wildcardOneLabelTooShallowIsExplained() {
        X509Certificate leaf = leaf().commonName("web").addSubjectAltName("*.example.com")
                .addSubjectAltName("example.com").addIpAddress("10.0.0.1").build().certificate();

        assertThat(single(check.check(leaf, target("a.b.example.com"))).message()).isEqualTo(
                "certificate is valid for DNS:*.example.com, DNS:example.com, IP:10.0.0.1, not for a.b.example.com"
                        + " (*.example.com covers one label only): "
                        + "reissue it with DNS:a.b.example.com in its subjectAltName, or check the target name");
    }

    @Test
    void wildcardNotCoveringItsBaseDomainIsExplained() {
        X509Certificate leaf = leaf().addSubjectAltName("*.example.com").build().certificate();

        assertThat(single(check.check(leaf, target("example.com"))).message())
                .contains("(*.example.com does not cover example.com itself)");
    }

    @Test
    void wildcardsThatNeverMatchAreExplained() {
        X509Certificate leaf = leaf().addSubjectAltName("f*.example.com").addSubjectAltName("*.com").build()
                .certificate();

        assertThat(single(check.check(leaf, target("foo.example.com"))).message())
                .contains("(f*.example.com is a partial-label wildcard, which never matches; "
                        + "*.com is too broad a wildcard to match anything)");
    }

    @Test
    void ipTargetDoesNotMatchDnsEntries() {
        X509Certificate leaf = leaf().addSubjectAltName("10.0.0.1").addSubjectAltName("*.example.com").build()
                .certificate();

        Finding finding = single(check.check(leaf, target("10.0.0.1")));

        assertThat(finding.code()).isEqualTo(FindingCode.HOST_MISMATCH);
        assertThat(finding.message()).isEqualTo("certificate is valid for DNS:10.0.0.1, DNS:*.example.com, "
                + "not for 10.0.0.1 (an IP address matches IP entries only, never a DNS name): "
                + "reissue it with IP:10.0.0.1 in its subjectAltName, or check the target name");
    }

    @Test
    void ipv4MappedEntryIsNotTheIpv4Target() {
        X509Certificate leaf = leaf().addIpAddress("::ffff:10.0.0.1").build().certificate();

        Finding finding = single(check.check(leaf, target("10.0.0.1")));

        assertThat(finding.message()).isEqualTo("certificate is valid for IP:::ffff:10.0.0.1, not for 10.0.0.1 "
                + "(::ffff:10.0.0.1 is the IPv4-mapped IPv6 form of 10.0.0.1, a different address to a certificate): "
                + "reissue it with IP:10.0.0.1 in its subjectAltName, or check the target name");
        assertThat(check.check(leaf, target("::ffff:10.0.0.1"))).isEmpty();
    }

    @Test
    void noSanWithMatchingCommonNameStillFails() {
        X509Certificate leaf = leaf().commonName("www.example.com").build().certificate();

        List<Finding> findings = check.check(leaf, target("www.example.com"));

        assertThat(findings).containsExactly(Finding.about("CN=www.example.com", FindingCode.HOST_NO_SAN,
                Severity.FAIL, "certificate has no subjectAltName extension; its subject CN \"www.example.com\" "
                        + "is not used by modern clients to match a host (RFC 2818 §3.1, RFC 6125 §6.4.4): "
                        + "reissue it with a subjectAltName DNS:www.example.com"));
    }

    @Test
    void noSanAndNoCommonNameSaysItNamesNoHost() {
        X509Certificate leaf = leaf().organization("Example Corp").withoutCommonName().build().certificate();

        assertThat(single(check.check(leaf, target("10.0.0.1"))).message()).isEqualTo(
                "certificate has no subjectAltName extension and no subject CN, so it names no host: "
                        + "reissue it with a subjectAltName IP:10.0.0.1");
    }

    @Test
    void internationalTargetMatchesALabelEntry() {
        X509Certificate leaf = leaf().addSubjectAltName("xn--bcher-kva.example").build().certificate();

        assertThat(check.check(leaf, target("xn--bcher-kva.example"))).isEmpty();
    }

    @Test
    void kelvinSignEntryDoesNotMatchAndIsShownEscaped() {
        X509Certificate leaf = leaf().addNonAsciiSubjectAltName("\u212Aitchen.example.com").build().certificate();

        Finding finding = single(check.check(leaf, target("kitchen.example.com")));

        assertThat(finding.message()).startsWith("certificate is valid for DNS:\\u{212A}itchen.example.com, "
                + "not for kitchen.example.com (\\u{212A}itchen.example.com is not ASCII and never matches");
    }

    @Test
    void controlCharactersFromTheCertificateAreEscaped() {
        X509Certificate leaf = leaf().commonName("evil\u001b[2Jname").addSubjectAltName("a\u001b[31m.example.com")
                .build().certificate();

        Finding finding = single(check.check(leaf, target("a.example.com")));

        assertThat(finding.message()).startsWith("certificate is valid for DNS:a\\x1B[31m.example.com, not for");
        assertThat(finding.certificate()).contains("CN=evil\\x1B[2Jname");
        assertThat(finding.message()).doesNotContain("\u001b");
    }

    @Test
    void unreadableSanExtensionIsAMismatchNotAnException() {
        // An OCTET STRING where the GeneralNames SEQUENCE belongs.
        X509Certificate leaf = leaf().rawSubjectAltNameExtension(new byte[] {0x04, 0x01, 0x00}).build().certificate();

        Finding finding = single(check.check(leaf, target("www.example.com")));

        assertThat(finding.code()).isEqualTo(FindingCode.HOST_MISMATCH);
        assertThat(finding.message()).startsWith("cannot read the certificate's subjectAltName extension (")
                .endsWith("), so it is valid for no name, not for www.example.com: "
                        + "reissue it with a well-formed subjectAltName DNS:www.example.com");
    }

    @Test
    void longSanListIsCut() {
        HeldCertificate.Builder builder = leaf();
        for (int i = 0; i < 25; i++) {
            builder.addSubjectAltName("host" + i + ".example.com");
        }

        Finding finding = single(check.check(builder.build().certificate(), target("other.example.com")));

        assertThat(finding.message()).contains("DNS:host19.example.com and 5 more, not for other.example.com")
                .doesNotContain("host20");
    }

    /** Found by ValidatorFuzzTest: Bouncy Castle throws when it decodes such a CN. */
    @Test
    void commonNameThatIsNotValidUtf8IsNamedNotThrown() throws Exception {
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, ASN1Primitive.fromByteArray(new byte[] {0x0c, 0x02, (byte) 0xc3, 0x28}));
        X509Certificate leaf = leaf().rawSubject(subject.build()).build().certificate();

        Finding finding = single(check.check(leaf, target("www.example.com")));

        assertThat(finding.code()).isEqualTo(FindingCode.HOST_NO_SAN);
        assertThat(finding.message()).startsWith("certificate has no subjectAltName extension; its subject CN "
                + "\"<not decodable>\" is not used");
    }

    @Test
    void thousandsOfBadWildcardsGiveEachHintOnceAndAShortMessage() {
        HeldCertificate.Builder builder = leaf();
        for (int i = 0; i < 5_000; i++) {
            builder.addSubjectAltName("*");
        }

        Finding finding = single(check.check(builder.build().certificate(), target("www.example.com")));

        assertThat(finding.message()).contains("(* is a partial-label wildcard, which never matches)")
                .contains("DNS:* and 4980 more, not for www.example.com").hasSizeLessThan(500);
    }

    @Test
    void manyDifferentNearMissesAreCutAfterFive() {
        HeldCertificate.Builder builder = leaf();
        for (int i = 0; i < 8; i++) {
            builder.addSubjectAltName("w" + i + "*.example.com");
        }

        Finding finding = single(check.check(builder.build().certificate(), target("www.example.com")));

        assertThat(finding.message())
                .contains("(w0*.example.com is a partial-label wildcard, which never matches; ")
                .contains("w4*.example.com is a partial-label wildcard, which never matches; and 3 more like these)")
                .doesNotContain("w5*.example.com is");
    }

    @Test
    void otherKindsOfEntryAreShownButNeverMatch() {
        X509Certificate leaf = leaf().addEmail("www.example.com").build().certificate();

        assertThat(single(check.check(leaf, target("www.example.com"))).message())
                .startsWith("certificate is valid for email:www.example.com, not for www.example.com:");
    }

    private static HeldCertificate.Builder leaf() {
        return HeldCertificate.builder(NOW).commonName("leaf");
    }

    private static Target target(String host) {
        return new Target(host, 443, "test");
    }

    private static Finding single(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }
}
