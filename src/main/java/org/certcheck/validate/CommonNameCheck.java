package org.certcheck.validate;

import java.net.IDN;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Printable;
import org.certcheck.finding.Role;

/**
 * A leaf's subject CN, when it holds a host name or an address, should be a character-for-character
 * copy of one of its subjectAltName entries (CA/Browser Forum BR §7.1.4.3: IP addresses in the
 * RFC 3986 §3.2.2 / RFC 5952 §4 text form, names as the dNSName's exact characters). certcheck
 * never matches hosts by the CN, but older clients still fall back to it.
 *
 * <ul>
 *   <li>A CN that is a differently written copy of a SAN entry (other letter case, a U-label for
 *       the SAN's A-label, {@code 192.168.001.001} or {@code 0xC0A80101} for {@code 192.168.1.1},
 *       an IPv6 address not in RFC 5952 form) fails: such a CN is what a sloppy or hostile
 *       issuance looks like, and clients disagree on whether it matches.
 *   <li>A CN naming a host no SAN lists is a warning: common in private PKIs whose CN is a short
 *       name, harmless to clients that ignore the CN, misleading to people.
 *   <li>A CN that is plain text (with spaces, or without a dot or colon) names no host and is left
 *       alone; so is a leaf without subjectAltName, which {@link FindingCode#HOST_NO_SAN} reports.
 * </ul>
 */
final class CommonNameCheck {
    private CommonNameCheck() {
    }

    static List<Finding> check(X509Certificate leaf) {
        if (!(SubjectAltNames.of(leaf) instanceof SubjectAltNames.Present present) || present.names().isEmpty()) {
            return List.of();
        }
        X500Name subject;
        try {
            subject = X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded());
        } catch (RuntimeException e) {
            return List.of();
        }
        List<SubjectAltName> names = present.names();
        for (RDN rdn : subject.getRDNs(BCStyle.CN)) {
            ASN1Encodable value = rdn.getFirst().getValue();
            String cn;
            try {
                cn = value instanceof ASN1String text ? text.getString() : value.toString();
            } catch (IllegalArgumentException e) {
                // Bouncy Castle refuses a UTF8String that is not UTF-8: such a CN names no host.
                continue;
            }
            if (!namesAHost(cn) || names.stream().anyMatch(name -> copies(cn, name))) {
                continue;
            }
            String shown = "\"" + Printable.printable(cn) + "\"";
            if (!cn.chars().allMatch(c -> c < 0x80)) {
                return List.of(Finding.about(Certificates.subject(leaf), Role.LEAF, FindingCode.HOST_CN_NOT_IN_SAN,
                        "the subject CN " + shown + " is an internationalized name in Unicode, which can never be a"
                                + " copy of a dNSName (those hold IDNs as ASCII A-labels, RFC 5280 7.2; CA/B Forum BR"
                                + " 7.1.4.3): reissue it with the CN written as in the subjectAltName"));
            }
            Optional<SubjectAltName> meant = names.stream().filter(name -> sameValue(cn, name)).findFirst();
            if (meant.isPresent()) {
                return List.of(Finding.about(Certificates.subject(leaf), Role.LEAF, FindingCode.HOST_CN_NOT_IN_SAN,
                        "the subject CN " + shown + " repeats " + meant.get().display() + " but is written differently;"
                                + " CA/B Forum BR 7.1.4.3 requires a character-for-character copy, and clients that"
                                + " read the CN disagree on whether it matches: reissue it with the CN written as"
                                + " in the subjectAltName"));
            }
            String listed = names.stream().limit(10).map(SubjectAltName::display).collect(Collectors.joining(", "));
            return List.of(Finding.about(Certificates.subject(leaf), Role.LEAF, FindingCode.HOST_CN_NOT_IN_SAN,
                    "the subject CN " + shown + " names a host that no subjectAltName lists (" + listed + "); certcheck"
                            + " and current clients ignore the CN, older ones may not: make the CN one of the SAN"
                            + " entries when the certificate is next renewed"));
        }
        return List.of();
    }

    private static boolean namesAHost(String cn) {
        return !cn.isEmpty() && cn.indexOf(' ') < 0
                && (cn.indexOf('.') >= 0 || cn.indexOf(':') >= 0 || LenientIp.parse(cn).isPresent());
    }

    private static boolean copies(String cn, SubjectAltName name) {
        if (name instanceof SubjectAltName.DnsName dns) {
            return dns.name().equals(cn);
        }
        if (name instanceof SubjectAltName.IpAddress ip) {
            return IpText.of(ip.octets()).equals(cn);
        }
        return false;
    }

    /** The same name or address in another spelling. */
    private static boolean sameValue(String cn, SubjectAltName name) {
        if (name instanceof SubjectAltName.DnsName dns) {
            String ascii;
            try {
                ascii = IDN.toASCII(cn, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                ascii = cn;
            }
            return ascii.toLowerCase(Locale.ROOT).equals(dns.name().toLowerCase(Locale.ROOT));
        }
        if (name instanceof SubjectAltName.IpAddress ip) {
            return LenientIp.parse(cn).map(octets -> Arrays.equals(octets, ip.octets())).orElse(false);
        }
        return false;
    }
}
