package org.certcheck.validate;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Printable;
import org.certcheck.finding.Role;
import org.certcheck.input.Target;

/**
 * Judges whether a leaf certificate is valid for the name or address that was checked, by the
 * subjectAltName only (RFC 6125 §6.4, RFC 2818 §3.1; see {@link HostnameMatcher} for the rules).
 * When it is not, the finding lists what the certificate is valid for, says why near misses miss,
 * and names the entry to add.
 */
public final class HostnameCheck implements Check {
    /** Enough to recognise the certificate; a CDN certificate can carry hundreds of names. */
    private static final int MAX_LISTED = 20;
    private static final String UNDECODABLE = "<not decodable>";
    /** Near-miss explanations per finding, for the same reason. */
    private static final int MAX_HINTS = 5;

    /** The leaf against the target's name; nothing to match for a certificate found on disk. */
    @Override
    public List<Finding> check(Evidence evidence) {
        return evidence.target().map(target -> check(evidence.path().leaf(), target)).orElse(List.of());
    }

    /**
     * @return no findings when the certificate covers the target; otherwise one failing
     *         finding: {@link FindingCode#HOST_NO_SAN} when there is no subjectAltName extension at
     *         all, {@link FindingCode#HOST_MISMATCH} when its entries do not cover the target or
     *         cannot be read
     */
    public List<Finding> check(X509Certificate leaf, Target target) {
        String subject = Printable.printable(leaf.getSubjectX500Principal().getName(X500Principal.RFC2253));
        String expected = target.expectedName();
        String wanted = target.isIpLiteral()
                ? "IP:" + HostnameMatcher.ipOctets(expected).map(IpText::of).orElse(expected)
                : "DNS:" + Printable.printable(expected);
        SubjectAltNames read = SubjectAltNames.of(leaf);

        if (read instanceof SubjectAltNames.Absent) {
            return List.of(Finding.about(subject, Role.LEAF, FindingCode.HOST_NO_SAN, noSan(leaf, wanted)));
        }
        if (read instanceof SubjectAltNames.Unreadable unreadable) {
            return List.of(Finding.about(subject, Role.LEAF, FindingCode.HOST_MISMATCH,
                    "cannot read the certificate's subjectAltName extension (" + Printable.printable(unreadable.reason())
                            + "), so it is valid for no name, not for " + Printable.printable(expected)
                            + ": reissue it with a well-formed subjectAltName " + wanted));
        }
        List<SubjectAltName> names = ((SubjectAltNames.Present) read).names();
        if (HostnameMatcher.matches(expected, names)) {
            return List.of();
        }
        String validFor = names.isEmpty()
                ? "certificate has an empty subjectAltName extension, so it is valid for no name"
                : "certificate is valid for " + listing(names);
        List<String> hints = listedHints(hints(expected, target.isIpLiteral(), names));
        return List.of(Finding.about(subject, Role.LEAF, FindingCode.HOST_MISMATCH,
                validFor + ", not for " + Printable.printable(expected)
                        + (hints.isEmpty() ? "" : " (" + String.join("; ", hints) + ")")
                        + ": reissue it with " + wanted + " in its subjectAltName, or check the target name"));
    }

    private static String noSan(X509Certificate leaf, String wanted) {
        List<String> commonNames = commonNames(leaf);
        if (commonNames.isEmpty()) {
            return "certificate has no subjectAltName extension and no subject CN, so it names no host: "
                    + "reissue it with a subjectAltName " + wanted;
        }
        String cn = commonNames.stream().map(name -> "\"" + Printable.printable(name) + "\"")
                .collect(Collectors.joining(", "));
        return "certificate has no subjectAltName extension; its subject CN " + cn
                + " is not used by modern clients to match a host (RFC 2818 §3.1, RFC 6125 §6.4.4): "
                + "reissue it with a subjectAltName " + wanted;
    }

    /** The subject's CN values as text; one that cannot be decoded is named as such, never thrown. */
    private static List<String> commonNames(X509Certificate leaf) {
        X500Name subject;
        try {
            subject = X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded());
        } catch (RuntimeException e) {
            return List.of(UNDECODABLE);
        }
        List<String> names = new ArrayList<>();
        for (RDN rdn : subject.getRDNs(BCStyle.CN)) {
            names.add(text(rdn.getFirst().getValue()));
        }
        return names;
    }

    /** Bouncy Castle decodes a string lazily, and throws for bytes that are not, say, valid UTF-8. */
    private static String text(ASN1Encodable value) {
        try {
            return value instanceof ASN1String text ? text.getString() : value.toString();
        } catch (RuntimeException e) {
            return UNDECODABLE;
        }
    }

    private static String listing(List<SubjectAltName> names) {
        String shown = names.stream().limit(MAX_LISTED).map(SubjectAltName::display)
                .collect(Collectors.joining(", "));
        return names.size() > MAX_LISTED ? shown + " and " + (names.size() - MAX_LISTED) + " more" : shown;
    }

    /** Each hint once, and only the first few: a certificate can repeat one bad name thousands of times. */
    private static List<String> listedHints(List<String> hints) {
        List<String> distinct = hints.stream().distinct().toList();
        if (distinct.size() <= MAX_HINTS) {
            return distinct;
        }
        List<String> listed = new ArrayList<>(distinct.subList(0, MAX_HINTS));
        listed.add("and " + (distinct.size() - MAX_HINTS) + " more like these");
        return listed;
    }

    /** Why the near misses miss, so nobody has to know RFC 6125 to read the finding. */
    private static List<String> hints(String expected, boolean ipTarget, List<SubjectAltName> names) {
        List<String> hints = new ArrayList<>();
        if (ipTarget) {
            if (names.stream().noneMatch(SubjectAltName.IpAddress.class::isInstance)
                    && names.stream().anyMatch(SubjectAltName.DnsName.class::isInstance)) {
                hints.add("an IP address matches IP entries only, never a DNS name");
            }
            HostnameMatcher.ipOctets(expected).ifPresent(wanted -> names.stream()
                    .filter(SubjectAltName.IpAddress.class::isInstance)
                    .map(SubjectAltName.IpAddress.class::cast)
                    .filter(ip -> sameIpv4(ip.octets(), wanted))
                    .forEach(ip -> hints.add(mappedHint(ip.octets(), wanted))));
            return hints;
        }
        Optional<String> host = HostnameMatcher.normalizedHost(expected);
        for (SubjectAltName name : names) {
            if (name instanceof SubjectAltName.DnsName dns) {
                dnsHint(host, dns).ifPresent(hints::add);
            }
        }
        return hints;
    }

    private static Optional<String> dnsHint(Optional<String> host, SubjectAltName.DnsName dns) {
        String shown = dns.display().substring(4);
        if (!dns.name().chars().allMatch(c -> c < 0x80)) {
            return Optional.of(shown + " is not ASCII and never matches (a dNSName holds IDNs as A-labels)");
        }
        String pattern = dns.name().toLowerCase(Locale.ROOT);
        pattern = pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern;
        if (pattern.indexOf('*') < 0) {
            return Optional.empty();
        }
        if (!pattern.startsWith("*.") || pattern.indexOf('*', 1) >= 0) {
            return Optional.of(shown + " is a partial-label wildcard, which never matches");
        }
        String base = pattern.substring(2);
        if (base.indexOf('.') < 0) {
            return Optional.of(shown + " is too broad a wildcard to match anything");
        }
        if (PublicSuffixes.isRegistrySuffix(base)) {
            return Optional.of(shown + " covers the whole public suffix " + base + ", which browsers refuse");
        }
        if (host.isEmpty()) {
            return Optional.empty();
        }
        if (host.get().equals(base)) {
            return Optional.of(shown + " does not cover " + base + " itself");
        }
        if (host.get().endsWith("." + base)) {
            return Optional.of(shown + " covers one label only");
        }
        return Optional.empty();
    }

    private static String mappedHint(byte[] entry, byte[] wanted) {
        byte[] mapped = entry.length == 16 ? entry : wanted;
        byte[] ipv4 = entry.length == 16 ? wanted : entry;
        return IpText.of(mapped) + " is the IPv4-mapped IPv6 form of " + IpText.of(ipv4)
                + ", a different address to a certificate";
    }

    /** True when one is the IPv4 address and the other its IPv4-mapped IPv6 form. */
    private static boolean sameIpv4(byte[] a, byte[] b) {
        byte[] shorter = a.length == 4 ? a : b;
        byte[] longer = a.length == 4 ? b : a;
        return shorter.length == 4 && IpText.isIpv4Mapped(longer)
                && Arrays.equals(shorter, Arrays.copyOfRange(longer, 12, 16));
    }
}
