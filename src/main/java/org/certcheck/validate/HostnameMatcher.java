package org.certcheck.validate;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.certcheck.input.IpLiteral;

/**
 * Whether a certificate's subjectAltName entries cover the name or address a client connected to,
 * by RFC 6125 §6.4 and RFC 2818 §3.1. Pure: no I/O, no DNS.
 *
 * <ul>
 *   <li>Only dNSName and iPAddress entries count. The subject CN is never consulted: RFC 6125
 *       §6.4.4 allows it only when there is no subjectAltName, and browsers and most TLS libraries
 *       have dropped even that.
 *   <li>An IP literal (IPv4 or IPv6) matches only an iPAddress entry with the same octets (RFC 2818
 *       §3.1, RFC 5280 §4.2.1.6), so {@code 2001:db8::1} matches an entry written {@code
 *       2001:0db8:0:0:0:0:0:1}; an IPv4 address does not match its IPv4-mapped IPv6 form or the
 *       reverse. An IP literal never matches a DNS name or a wildcard.
 *   <li>A DNS name is compared case-insensitively in ASCII (RFC 6125 §6.4.1) after dropping one
 *       trailing dot from the expected name; an expected internationalised name is converted to its
 *       A-label form (RFC 5890 §2.3.2.1) first. A dNSName entry with a trailing dot matches nothing:
 *       RFC 5280 §4.2.1.6 requires the preferred name syntax, which has none, and OpenSSL and GnuTLS
 *       compare the entry as written.
 *   <li>A dNSName entry with any non-ASCII character never matches: RFC 5280 makes it an
 *       IA5String, and case-folding such text can turn it into something else (the Kelvin sign
 *       U+212A lower-cases to {@code k}).
 * </ul>
 */
public final class HostnameMatcher {
    private HostnameMatcher() {
    }

    /** True when some entry of {@code names} covers {@code expectedName}, a host name or IP literal. */
    public static boolean matches(String expectedName, List<SubjectAltName> names) {
        Optional<byte[]> address = ipOctets(stripTrailingDot(expectedName));
        // An IP literal is compared with iPAddress entries only: never a DNS name, never a wildcard,
        // even a dNSName that spells the same address.
        if (address.isPresent()) {
            return names.stream().anyMatch(name -> name instanceof SubjectAltName.IpAddress ip
                    && Arrays.equals(ip.octets(), address.get()));
        }
        Optional<String> host = normalizedHost(expectedName);
        return host.isPresent() && names.stream().anyMatch(name -> name instanceof SubjectAltName.DnsName dns
                && matchesDnsName(host.get(), dns.name()));
    }

    /**
     * The octets of an IP literal, IPv4-mapped IPv6 kept as 16 octets; empty for anything that is
     * not an IP literal. {@link InetAddress} folds {@code ::ffff:10.0.0.1} into the IPv4 address
     * {@code 10.0.0.1}; a certificate tells the two apart, so this undoes the folding.
     */
    static Optional<byte[]> ipOctets(String text) {
        Optional<InetAddress> parsed = IpLiteral.parse(text);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        byte[] octets = parsed.get().getAddress();
        if (parsed.get() instanceof Inet4Address && text.indexOf(':') >= 0) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(octets, 0, mapped, 12, 4);
            return Optional.of(mapped);
        }
        return Optional.of(octets);
    }

    /**
     * The expected name as lower-case ASCII A-labels without a trailing dot; empty when it cannot
     * be a host name at all (empty labels, a wildcard, an IDN that does not convert).
     */
    static Optional<String> normalizedHost(String expectedName) {
        String ascii;
        try {
            ascii = IDN.toASCII(stripTrailingDot(expectedName));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String host = ascii.toLowerCase(Locale.ROOT);
        if (!isWellFormed(host) || host.indexOf('*') >= 0) {
            return Optional.empty();
        }
        return Optional.of(host);
    }

    /**
     * Whether one dNSName entry covers a host already normalised by {@link #normalizedHost}.
     *
     * @param host    lower-case ASCII, no trailing dot
     * @param pattern the entry as the certificate holds it
     */
    static boolean matchesDnsName(String host, String pattern) {
        // Checked before any case mapping: "\u212A".toLowerCase(Locale.ROOT) is "k".
        if (!isAscii(pattern)) {
            return false;
        }
        String normalized = pattern.toLowerCase(Locale.ROOT);
        if (!isWellFormed(normalized)) {
            return false;
        }
        if (normalized.indexOf('*') < 0) {
            return host.equals(normalized);
        }

        // Wildcard rules, RFC 6125 §6.4.3 as browsers apply it:
        // 1. The wildcard is the whole left-most label and the only '*': "*.example.com", never
        //    "f*.example.com", "*oo.example.com", "a.*.example.com" or "*.*.example.com".
        if (!normalized.startsWith("*.") || normalized.indexOf('*', 1) >= 0) {
            return false;
        }
        // 2. At least two labels follow it: "*.com" and "*" would cover a whole public suffix.
        String suffix = normalized.substring(1);
        if (suffix.indexOf('.', 1) < 0) {
            return false;
        }
        // 3. It stands for exactly one label, which is not empty: "*.example.com" covers
        //    "a.example.com" but neither "example.com" nor "a.b.example.com".
        if (!host.endsWith(suffix)) {
            return false;
        }
        int labelEnd = host.length() - suffix.length();
        if (labelEnd <= 0 || host.lastIndexOf('.', labelEnd - 1) >= 0) {
            return false;
        }
        // 4. What follows it is no suffix a registry runs, as in "*.co.uk": Chromium refuses those
        //    (the Public Suffix List's ICANN section), as Java does for chains to a public root.
        return !PublicSuffixes.isRegistrySuffix(suffix.substring(1));
    }

    private static String stripTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** Not empty, no empty label (".example.com", "a..b", a second trailing dot). */
    private static boolean isWellFormed(String name) {
        return !name.isEmpty() && !name.startsWith(".") && !name.endsWith(".") && !name.contains("..");
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
