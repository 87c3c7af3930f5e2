package org.certcheck.validate;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads an IP address the many ways people and old C libraries write one: IPv4 with leading zeros
 * or as one hexadecimal number ({@code 0xC0A80101}), IPv6 in any case and with or without
 * {@code ::}. Only to recognise that a CN means a given address; matching uses strict forms.
 */
final class LenientIp {
    private LenientIp() {
    }

    static Optional<byte[]> parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("0x") && value.length() <= 10) {
            try {
                long number = Long.parseLong(value.substring(2), 16);
                return Optional.of(new byte[] {(byte) (number >>> 24), (byte) (number >>> 16), (byte) (number >>> 8),
                        (byte) number});
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (value.indexOf(':') >= 0) {
            return ipv6(value);
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] octets = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 4 || !parts[i].chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return Optional.empty();
            }
            octets[i] = (byte) octet;
        }
        return Optional.of(octets);
    }

    private static Optional<byte[]> ipv6(String value) {
        if (!value.chars().allMatch(c -> c == ':' || Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        int gap = value.indexOf("::");
        String[] head = gap < 0 ? value.split(":", -1) : split(value.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : split(value.substring(gap + 2));
        if (gap < 0 ? head.length != 8 : head.length + tail.length > 7) {
            return Optional.empty();
        }
        byte[] octets = new byte[16];
        if (!fill(head, octets, 0)) {
            return Optional.empty();
        }
        return fill(tail, octets, 8 - tail.length) ? Optional.of(octets) : Optional.empty();
    }

    private static String[] split(String groups) {
        return groups.isEmpty() ? new String[0] : groups.split(":", -1);
    }

    private static boolean fill(String[] groups, byte[] octets, int firstGroup) {
        for (int i = 0; i < groups.length; i++) {
            if (groups[i].isEmpty() || groups[i].length() > 4) {
                return false;
            }
            int group = Integer.parseInt(groups[i], 16);
            octets[2 * (firstGroup + i)] = (byte) (group >>> 8);
            octets[2 * (firstGroup + i) + 1] = (byte) group;
        }
        return true;
    }
}
