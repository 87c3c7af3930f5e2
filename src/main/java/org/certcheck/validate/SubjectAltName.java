package org.certcheck.validate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import org.certcheck.finding.Printable;

/**
 * One entry of a certificate's subjectAltName extension (RFC 5280 §4.2.1.6), as far as hostname
 * verification cares: DNS names and IP addresses match, every other kind is kept only to be shown.
 */
public sealed interface SubjectAltName {

    /** How the entry is shown to a person, OpenSSL style: {@code DNS:*.example.com}, {@code IP:10.0.0.1}. */
    String display();

    static SubjectAltName dns(String name) {
        return new DnsName(name);
    }

    static SubjectAltName ipAddress(byte[] octets) {
        return new IpAddress(octets);
    }

    /**
     * A dNSName. RFC 5280 makes it an IA5String, so it should be ASCII with IDNs as A-labels; the
     * text here is what the certificate holds decoded as UTF-8, so a non-ASCII name stays visible
     * as such (and never matches, see {@link HostnameMatcher}).
     */
    record DnsName(String name) implements SubjectAltName {
        public DnsName {
            Objects.requireNonNull(name, "name");
        }

        /** Non-ASCII characters are shown as <code>&#92;u{NNNN}</code>: a Kelvin sign must not pass for a K. */
        @Override
        public String display() {
            StringBuilder shown = new StringBuilder("DNS:");
            Printable.printable(name).codePoints().forEach(c -> {
                if (c < 0x80) {
                    shown.append((char) c);
                } else {
                    shown.append(String.format(Locale.ROOT, "\\u{%04X}", c));
                }
            });
            return shown.toString();
        }
    }

    /** An iPAddress: 4 octets for IPv4, 16 for IPv6; any other length is malformed and never matches. */
    record IpAddress(byte[] octets) implements SubjectAltName {
        public IpAddress {
            octets = octets.clone();
        }

        @Override
        public byte[] octets() {
            return octets.clone();
        }

        /** IPv4 dotted, IPv6 in the RFC 5952 canonical text; IPv4-mapped IPv6 as {@code ::ffff:a.b.c.d}. */
        @Override
        public String display() {
            return "IP:" + IpText.of(octets);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof IpAddress that && Arrays.equals(octets, that.octets);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(octets);
        }

        @Override
        public String toString() {
            return display();
        }
    }

    /**
     * Any other kind (email, URI, directory name, ...): never matches a host, shown as evidence.
     *
     * @param kind  OpenSSL's label: {@code email}, {@code URI}, {@code DirName}, {@code RID},
     *              {@code othername}
     * @param value the entry as text
     */
    record Other(String kind, String value) implements SubjectAltName {
        public Other {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String display() {
            return kind + ":" + Printable.printable(value);
        }
    }
}
