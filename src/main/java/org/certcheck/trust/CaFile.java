package org.certcheck.trust;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.util.io.pem.PemObject;
import org.certcheck.files.BoundedFile;
import org.certcheck.store.UnreadableCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificates in one file: a PEM bundle (RFC 7468) of one or more certificates, or a single
 * DER certificate. A file that plainly holds no certificate is a {@link Content.NoCertificate}, so
 * a directory scan can skip it; a file that holds a private key or a broken certificate is a
 * {@link TrustLoadException} wherever it is found.
 */
final class CaFile {
    private static final Logger LOG = LoggerFactory.getLogger(CaFile.class);
    /** Read no more: a file this large is not a CA bundle, and reading it whole could exhaust memory. */
    static final int MAX_BYTES = 16 << 20;
    private static final String PRIVATE_KEY = " contains a private key: "
            + "a CA file should hold certificates only; keep private keys out of it";

    private CaFile() {
    }

    /** What a readable file holds. */
    sealed interface Content {
        /** One or more certificates, in file order. */
        record Certificates(List<X509Certificate> certificates) implements Content {
            public Certificates {
                certificates = List.copyOf(certificates);
            }
        }

        /** Nothing that looks like a certificate, and why, e.g. {@code empty file}. */
        record NoCertificate(String reason) implements Content {
            public NoCertificate {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    static Content read(Path file) {
        byte[] bytes;
        try {
            bytes = BoundedFile.read(file, MAX_BYTES);
        } catch (BoundedFile.TooLarge e) {
            return tooLarge();
        } catch (NoSuchFileException e) {
            throw new TrustLoadException(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new TrustLoadException(file + ": cannot read it: permission denied", e);
        } catch (IOException e) {
            throw new TrustLoadException(file + ": cannot read it: " + reason(e), e);
        }
        return parse(file, bytes);
    }

    /**
     * What {@code bytes}, read from {@code file}, hold; {@code file} only names it in messages.
     *
     * @throws TrustLoadException for a private key or a broken certificate
     */
    static Content parse(Path file, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return tooLarge();
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.isBlank()) {
            return new Content.NoCertificate("empty file; expected PEM or DER certificates");
        }
        return text.contains("-----BEGIN ") ? pem(file, text) : der(file, bytes);
    }

    /**
     * {@link PEMParser} frames the blocks; the type is dispatched here rather than by {@link
     * PEMParser#readObject()}, which gives up on a type it does not know, so that every kind of
     * private key (OpenSSH's included) is recognised and other blocks are named, not fatal.
     */
    private static Content pem(Path file, String text) {
        List<X509Certificate> certificates = new ArrayList<>();
        List<String> others = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (int index = 1; ; index++) {
                PemObject block = nextBlock(file, parser, index);
                if (block == null) {
                    break;
                }
                String type = block.getType();
                if (type.endsWith("PRIVATE KEY")) {
                    throw new TrustLoadException(file + PRIVATE_KEY);
                }
                switch (type) {
                    case PEMParser.TYPE_CERTIFICATE, PEMParser.TYPE_X509_CERTIFICATE ->
                            certificates.add(certificate(file, index, type, block.getContent(), false));
                    case PEMParser.TYPE_TRUSTED_CERTIFICATE ->
                            certificates.add(certificate(file, index, type, block.getContent(), true));
                    default -> others.add(type);
                }
            }
        } catch (IOException e) {
            throw new TrustLoadException(file + ": cannot read it: " + reason(e), e);
        }
        if (certificates.isEmpty()) {
            return new Content.NoCertificate(others.isEmpty() ? "no complete PEM block in this file"
                    : "no certificate in this PEM file, only " + String.join(", ", others));
        }
        if (!others.isEmpty()) {
            LOG.warn("{}: ignored {} PEM block(s) that are not certificates: {}", file, others.size(),
                    String.join(", ", others));
        }
        return new Content.Certificates(certificates);
    }

    private static PemObject nextBlock(Path file, PEMParser parser, int index) {
        try {
            return parser.readPemObject();
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports bad Base64 with an unchecked DecoderException.
            throw new TrustLoadException(file + ": corrupt PEM at block " + index + ": " + reason(e), e);
        }
    }

    private static X509Certificate certificate(Path file, int index, String type, byte[] content, boolean trusted) {
        try {
            X509CertificateHolder holder = trusted ? new X509TrustedCertificateBlock(content).getCertificateHolder()
                    : new X509CertificateHolder(content);
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (IOException | CertificateException | RuntimeException e) {
            String known = UnreadableCertificate.cause(content).map(cause -> "is a certificate Java cannot read: "
                    + cause).orElse(null);
            throw new TrustLoadException(file + (known != null ? ": block " + index + " (" + type + ") " + known
                    : ": corrupt PEM: block " + index + " (" + type + ") is not a valid certificate: " + reason(e)), e);
        }
    }

    private static Content der(Path file, byte[] bytes) {
        if (bytes[0] != 0x30) {
            // The parser's reason for text or random bytes ("out of bounds length") would only confuse.
            return new Content.NoCertificate(String.format(Locale.ROOT, "not a certificate file: no PEM \"-----BEGIN\" "
                    + "line, and not DER (first byte 0x%02X; a DER certificate starts with 0x30)", bytes[0] & 0xff));
        }
        try {
            return new Content.Certificates(List.of(
                    new JcaX509CertificateConverter().getCertificate(new X509CertificateHolder(bytes))));
        } catch (IOException | CertificateException | RuntimeException e) {
            if (isPrivateKey(bytes)) {
                throw new TrustLoadException(file + PRIVATE_KEY, e);
            }
            // Starts like a DER SEQUENCE: meant to be a certificate, and broken.
            throw new TrustLoadException(file + ": corrupt DER certificate: " + reason(e), e);
        }
    }

    /** PKCS#8 plain or encrypted, PKCS#1 RSA, or SEC 1 EC: the DER private key formats in use. */
    private static boolean isPrivateKey(byte[] bytes) {
        ASN1Primitive der;
        try {
            der = ASN1Primitive.fromByteArray(bytes);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return parses(() -> PrivateKeyInfo.getInstance(der)) || parses(() -> EncryptedPrivateKeyInfo.getInstance(der))
                || parses(() -> RSAPrivateKey.getInstance(der)) || parses(() -> ECPrivateKey.getInstance(der));
    }

    private static boolean parses(java.util.function.Supplier<Object> parse) {
        try {
            return parse.get() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Content tooLarge() {
        return new Content.NoCertificate("too large for a CA file (larger than " + BoundedFile.size(MAX_BYTES)
                + ", read stopped there; a bundle of every public CA is about 200 KiB)");
    }

    static String reason(Exception e) {
        return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.getClass().getSimpleName();
    }
}
