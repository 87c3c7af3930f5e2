package org.certcheck.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

import org.certcheck.store.CertificateFileException;
import org.certcheck.store.CertificateFiles;
import org.certcheck.store.StoredCertificate;

/**
 * A Java trust store given as a CA file: PKCS#12, JKS or JCEKS, read as {@code verify} and
 * {@code inventory} read keystores ({@link CertificateFiles}): the passwords given, then the
 * keystore's own conventions for none (the empty password, {@code changeit}, no password at all,
 * which JKS and a PKCS#12 with unencrypted certificates allow).
 */
final class CaKeystore {
    private static final List<String> NAMES = List.of(".p12", ".pfx", ".jks", ".jceks", ".keystore", ".truststore");

    private CaKeystore() {
    }

    /**
     * Whether {@code file} is a keystore rather than PEM or DER certificates: by its first bytes
     * (the JKS and JCEKS magic numbers; a PKCS#12 PFX is a SEQUENCE starting with its INTEGER
     * version 3, RFC 7292 §4, where a certificate starts with a SEQUENCE) or by its name.
     */
    static boolean is(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (NAMES.stream().anyMatch(name::endsWith)) {
            return true;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(10);
        } catch (IOException e) {
            return false;
        }
        if (head.length < 4) {
            return false;
        }
        int magic = ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        if (magic == 0xFEEDFEED || magic == 0xCECECECE) {
            return true;
        }
        if ((head[0] & 0xFF) != 0x30) {
            return false;
        }
        int lengthBytes = (head[1] & 0x80) == 0 ? 0 : head[1] & 0x7F;
        int inner = 2 + lengthBytes;
        // INTEGER 3: a PKCS#8 private key starts with INTEGER 0, and is refused as a key elsewhere.
        return inner + 2 < head.length && head[inner] == 0x02 && head[inner + 1] == 0x01 && head[inner + 2] == 0x03;
    }

    /** Every certificate of the keystore; a usage problem names the file, never a password. */
    static List<X509Certificate> read(Path file, List<String> passwords) {
        try {
            return new CertificateFiles(passwords).read(file).stream().map(StoredCertificate::certificate).toList();
        } catch (CertificateFileException e) {
            String message = e.getMessage().startsWith(file.toString()) ? e.getMessage().substring(file.toString().length())
                    : ": " + e.getMessage();
            throw new TrustLoadException(file + message
                    + (e.problem() == CertificateFileException.Problem.WRONG_PASSWORD ? " (give it with --ca-password)" : ""),
                    e);
        }
    }
}
