package org.certcheck.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The byte layout a chain fuzz test reads, so that seed inputs are easy to write and any bytes
 * mean something: one flags byte (low two bits pick the target, bit 2 makes the last certificate
 * the trust anchor rather than part of the chain), then certificates, each a 16-bit big-endian
 * length and that many bytes of DER. A short last certificate takes what is left.
 *
 * @param flags        the first byte
 * @param certificates the DER blobs in order, parsed or not
 */
public record ChainInput(int flags, List<byte[]> certificates) {
    /** A handshake carries at most 10 certificates (Java's limit); one more may be the anchor. */
    public static final int MAX_CERTIFICATES = 11;
    public static final int LAST_IS_ANCHOR = 4;

    public ChainInput {
        certificates = List.copyOf(certificates);
    }

    public static ChainInput decode(byte[] input) {
        if (input.length == 0) {
            return new ChainInput(0, List.of());
        }
        List<byte[]> certificates = new ArrayList<>();
        int at = 1;
        while (at + 2 <= input.length && certificates.size() < MAX_CERTIFICATES) {
            int length = (input[at] & 0xff) << 8 | (input[at + 1] & 0xff);
            int end = Math.min(input.length, at + 2 + length);
            certificates.add(Arrays.copyOfRange(input, at + 2, end));
            at = end;
        }
        return new ChainInput(input[0] & 0xff, certificates);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(flags);
        for (byte[] certificate : certificates) {
            out.write(certificate.length >> 8);
            out.write(certificate.length);
            out.writeBytes(certificate);
        }
        return out.toByteArray();
    }

    /** The blobs the JDK parses as X.509, as JSSE would hand them over; the rest are dropped. */
    public List<X509Certificate> parsed() {
        List<X509Certificate> parsed = new ArrayList<>();
        for (byte[] der : certificates) {
            try {
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                parsed.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException | RuntimeException e) {
                // JSSE refuses such a certificate before certcheck ever sees it.
            }
        }
        return parsed;
    }

    public boolean lastIsAnchor() {
        return (flags & LAST_IS_ANCHOR) != 0;
    }

    public int targetIndex() {
        return flags & 3;
    }
}
