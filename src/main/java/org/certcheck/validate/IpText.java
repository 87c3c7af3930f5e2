package org.certcheck.validate;

import java.util.HexFormat;
import java.util.Locale;

/**
 * Text of an IP address from its octets, written here rather than through {@link
 * java.net.InetAddress}, which would print an IPv4-mapped IPv6 address as plain IPv4 and hide
 * the difference hostname matching depends on.
 */
public final class IpText {
    private IpText() {
    }

    /** {@code 10.0.0.1}; {@code 2001:db8::1} (RFC 5952 §4); {@code ::ffff:10.0.0.1} (RFC 5952 §5). */
    public static String of(byte[] octets) {
        if (octets.length == 4) {
            return dotted(octets, 0);
        }
        if (octets.length != 16) {
            return "malformed(" + octets.length + " octets: " + HexFormat.of().formatHex(octets) + ")";
        }
        if (isIpv4Mapped(octets)) {
            return "::ffff:" + dotted(octets, 12);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (octets[2 * i] & 0xff) << 8 | (octets[2 * i + 1] & 0xff);
        }
        // RFC 5952 §4.2: the longest run of two or more zero groups becomes "::", the first on a tie.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
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
            text.append(Integer.toHexString(groups[i]).toLowerCase(Locale.ROOT));
        }
        return text.toString();
    }

    static boolean isIpv4Mapped(byte[] octets) {
        if (octets.length != 16 || octets[10] != (byte) 0xff || octets[11] != (byte) 0xff) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (octets[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String dotted(byte[] octets, int from) {
        return (octets[from] & 0xff) + "." + (octets[from + 1] & 0xff) + "." + (octets[from + 2] & 0xff) + "."
                + (octets[from + 3] & 0xff);
    }
}
