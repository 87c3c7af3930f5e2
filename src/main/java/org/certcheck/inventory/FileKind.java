package org.certcheck.inventory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;

/**
 * What a file holds, judged from its bytes: enough to decide whether to read certificates from it,
 * to skip it quietly (a private key), or to say it is not a certificate file. Parsing is left to
 * {@link org.certcheck.store.CertificateFiles}.
 */
enum FileKind {
    /** PEM with at least one CERTIFICATE block. */
    PEM_CERTIFICATES,
    /** PEM whose blocks are private keys (and perhaps their parameters), no certificate. */
    PEM_KEYS_ONLY,
    /** PEM with other blocks only: DH parameters, a CSR, a CRL, a public key. */
    PEM_OTHER,
    /** A JKS or JCEKS keystore, by its magic number. */
    JAVA_KEYSTORE,
    /** DER: a certificate, a PKCS#12 keystore, or perhaps a key; only parsing tells. */
    DER,
    /** Nothing certcheck reads: text, another binary format, or an empty file. */
    OTHER;

    private static final Pattern PEM_LABEL = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");

    /** Looks only at the first bytes, except for PEM, whose labels may come after other text. */
    static FileKind of(byte[] bytes) {
        if (javaKeystore(bytes)) {
            return JAVA_KEYSTORE;
        }
        if (derSequence(bytes)) {
            return DER;
        }
        List<String> labels = pemLabels(bytes);
        if (labels.isEmpty()) {
            return OTHER;
        }
        if (labels.stream().anyMatch(FileKind::certificateLabel)) {
            return PEM_CERTIFICATES;
        }
        if (labels.stream().anyMatch(label -> label.endsWith("PRIVATE KEY"))
                && labels.stream().allMatch(label -> label.endsWith("PRIVATE KEY") || label.endsWith("PARAMETERS"))) {
            return PEM_KEYS_ONLY;
        }
        return PEM_OTHER;
    }

    /**
     * Whether a file that starts with {@code head} (its first bytes, or all of it) could be one that
     * {@link #of} finds certificates in: a Java keystore, DER, or text with a PEM line.
     */
    static boolean mayHoldCertificates(byte[] head) {
        return head.length >= 2 && (head[0] == 0x30 || javaKeystore(head)
                || new String(head, StandardCharsets.ISO_8859_1).contains("-----BEGIN"));
    }

    /** The magic numbers of JKS (FEEDFEED) and JCEKS (CECECECE). */
    private static boolean javaKeystore(byte[] bytes) {
        if (bytes.length < 4) {
            return false;
        }
        int magic = (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
        return magic == 0xFEEDFEED || magic == 0xCECECECE;
    }

    /**
     * A SEQUENCE whose length fits the file (or BER's indefinite length, which some PKCS#12 writers
     * use). A short length must fill the file exactly: a text file that starts with "0" has an
     * ASCII second byte, which reads as a short length and almost never fits; a long length's first
     * byte (0x81-0x84) never follows "0" in text.
     */
    private static boolean derSequence(byte[] bytes) {
        if (bytes.length < 2 || bytes[0] != 0x30) {
            return false;
        }
        int first = bytes[1] & 0xff;
        if (first == 0x80) {
            return true;
        }
        if (first < 0x80) {
            return bytes.length == 2 + first;
        }
        int octets = first - 0x80;
        if (octets > 4 || bytes.length < 2 + octets) {
            return false;
        }
        long length = 0;
        for (int i = 0; i < octets; i++) {
            length = length << 8 | (bytes[2 + i] & 0xff);
        }
        return bytes.length >= 2 + octets + length; // a trailing newline some tools add is tolerated
    }

    /** The labels of the PEM blocks, in order: {@code CERTIFICATE}, {@code DH PARAMETERS}... */
    static List<String> pemLabels(byte[] bytes) {
        List<String> labels = new ArrayList<>();
        Matcher matcher = PEM_LABEL.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        while (matcher.find()) {
            labels.add(matcher.group(1));
        }
        return labels;
    }

    /** A DER private key in any of its usual structures: PKCS#8 (plain or encrypted), PKCS#1, SEC 1. */
    static boolean derPrivateKey(byte[] bytes) {
        ASN1Primitive value;
        try {
            value = ASN1Primitive.fromByteArray(bytes);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        return parses(() -> PrivateKeyInfo.getInstance(value)) || parses(() -> EncryptedPrivateKeyInfo.getInstance(value))
                || parses(() -> RSAPrivateKey.getInstance(value)) || sec1(value);
    }

    /** RFC 5915 ECPrivateKey: version 1, the key as an OCTET STRING, then optional tagged fields. */
    private static boolean sec1(ASN1Primitive value) {
        if (!(value instanceof ASN1Sequence sequence) || sequence.size() < 2 || sequence.size() > 4) {
            return false;
        }
        return sequence.getObjectAt(0) instanceof ASN1Integer version && version.hasValue(1)
                && sequence.getObjectAt(1) instanceof ASN1OctetString;
    }

    private static boolean parses(java.util.function.Supplier<Object> parse) {
        try {
            return parse.get() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean certificateLabel(String label) {
        return label.equals("CERTIFICATE") || label.equals("X509 CERTIFICATE") || label.equals("TRUSTED CERTIFICATE");
    }
}
