package org.certcheck.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Where an IP address leads, as far as a fetch policy cares. The ranges, in the order they are
 * tested (IPv4 first, then IPv6):
 * <ol>
 *   <li>{@code 0.0.0.0/8} and {@code ::} are unspecified: "this host" (RFC 1122 section 3.2.1.3;
 *       Linux connects them to its own services);</li>
 *   <li>{@code 127.0.0.0/8} and {@code ::1} are loopback (RFC 1122, RFC 4291 section 2.5.3);</li>
 *   <li>{@code 100.100.100.200} and {@code fd00:ec2::254} are cloud metadata services that live
 *       outside link-local space (Alibaba Cloud; AWS over IPv6);</li>
 *   <li>{@code 169.254.0.0/16} and {@code fe80::/10} are link-local (RFC 3927, RFC 4291 section
 *       2.5.6), home of the cloud metadata service {@code 169.254.169.254};</li>
 *   <li>{@code 10/8}, {@code 172.16/12}, {@code 192.168/16} (RFC 1918) and the deprecated
 *       site-local {@code fec0::/10} are private;</li>
 *   <li>{@code 100.64.0.0/10} is shared address space (carrier-grade NAT, RFC 6598);</li>
 *   <li>{@code fc00::/7} are unique local addresses (RFC 4193);</li>
 *   <li>{@code 224.0.0.0/4} and {@code ff00::/8} are multicast; {@code 240.0.0.0/4} (with the
 *       broadcast address) is reserved;</li>
 *   <li>an IPv6 address that carries an IPv4 one (IPv4-mapped {@code ::ffff:0:0/96},
 *       IPv4-compatible {@code ::/96}, NAT64 {@code 64:ff9b::/96}, RFC 6052) is judged by the IPv4
 *       address, so {@code 64:ff9b::a9fe:a9fe} is the metadata service, not the Internet;</li>
 *   <li>everything else is public.</li>
 * </ol>
 */
public enum AddressScope {
    PUBLIC("a public address"),
    PRIVATE("a private (RFC 1918) address"),
    SHARED("a carrier-grade NAT (RFC 6598) address"),
    UNIQUE_LOCAL("a unique local IPv6 (RFC 4193) address"),
    LOOPBACK("a loopback address (this machine's own services)"),
    LINK_LOCAL("a link-local address (where cloud metadata services answer)"),
    METADATA("a cloud metadata service's address"),
    UNSPECIFIED("the unspecified address (this machine)"),
    MULTICAST("a multicast address"),
    RESERVED("a reserved address");

    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] AWS_METADATA_V6 = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0x02, 0x54};

    private final String phrase;

    AddressScope(String phrase) {
        this.phrase = phrase;
    }

    /** For messages: {@code a loopback address (this machine's own services)}. */
    public String phrase() {
        return phrase;
    }

    public static AddressScope of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? ipv4(bytes) : ipv6(bytes);
    }

    private static AddressScope ipv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return UNSPECIFIED;
        }
        if (first == 127) {
            return LOOPBACK;
        }
        if (first == 100 && second == 100 && (b[2] & 0xff) == 100 && (b[3] & 0xff) == 200) {
            return METADATA;
        }
        if (first == 169 && second == 254) {
            return LINK_LOCAL;
        }
        if (first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)) {
            return PRIVATE;
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return SHARED;
        }
        if (first >= 224 && first <= 239) {
            return MULTICAST;
        }
        return first >= 240 ? RESERVED : PUBLIC;
    }

    private static AddressScope ipv6(byte[] b) {
        if (Arrays.equals(b, 0, 15, new byte[15], 0, 15) && b[15] == 1) {
            return LOOPBACK;
        }
        if (carriesIpv4(b)) {
            return ipv4(Arrays.copyOfRange(b, 12, 16));
        }
        if (Arrays.equals(b, AWS_METADATA_V6)) {
            return METADATA;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return PRIVATE;
        }
        if ((first & 0xfe) == 0xfc) {
            return UNIQUE_LOCAL;
        }
        return first == 0xff ? MULTICAST : PUBLIC;
    }

    /** IPv6 addresses whose last four bytes are an IPv4 address (see above); {@code ::} among them. */
    private static boolean carriesIpv4(byte[] b) {
        boolean zeroTen = Arrays.equals(b, 0, 10, new byte[10], 0, 10);
        boolean mapped = zeroTen && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroTen && b[10] == 0 && b[11] == 0;
        boolean nat64 = Arrays.equals(b, 0, 12, NAT64_PREFIX, 0, 12);
        return mapped || compatible || nat64;
    }
}
