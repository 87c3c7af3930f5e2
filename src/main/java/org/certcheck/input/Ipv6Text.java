package org.certcheck.input;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The one text form of an IPv6 address that RFC 5952 section 4 recommends, so that
 * {@code 0:0:0:0:0:0:0:1}, {@code ::0001} and {@code ::1} become the same target.
 */
final class Ipv6Text {

    private Ipv6Text() {
    }

    /**
     * Canonical text of an address parsed from an IPv6 literal. Java turns IPv4-mapped literals
     * ({@code ::ffff:10.0.0.1}) into an {@link Inet4Address}; they keep the mixed notation of
     * RFC 5952 section 5 so the target still says it was given as IPv6.
     */
    static String canonical(InetAddress address) {
        if (address instanceof Inet4Address) {
            return "::ffff:" + address.getHostAddress();
        }
        return canonical(((Inet6Address) address).getAddress());
    }

    private static String canonical(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        // RFC 5952 4.2: "::" replaces the longest run of two or more zero groups, the first
        // one when runs tie; a single zero group is written as "0".
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            // RFC 5952 4.1 and 4.3: no leading zeros, lower-case hex digits.
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
