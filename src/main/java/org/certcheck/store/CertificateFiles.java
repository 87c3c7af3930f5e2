package org.certcheck.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certcheck.files.BoundedFile;
import org.certcheck.store.CertificateFileException.Problem;

/**
 * Reads certificates from a file in any of the forms servers and Java applications keep them in:
 * PEM (one or many CERTIFICATE blocks; keys and other blocks are skipped), DER, PKCS#12, JKS and
 * JCEKS keystores (every key entry with its chain, every trusted certificate entry). Keystore
 * passwords are tried in order, then none at all: JKS and JCEKS (and a PKCS#12 whose certificates
 * are not encrypted) give their certificates without one, only their integrity goes unchecked,
 * which does not matter for reading public certificates. Problems are
 * {@link CertificateFileException}s whose message names the file and what is wrong; a password is
 * never part of a message.
 */
public final class CertificateFiles {
    private static final Pattern PEM_CERTIFICATE = Pattern.compile(
            "-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----(.*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----",
            Pattern.DOTALL);
    private static final byte[] JKS_MAGIC = {(byte) 0xFE, (byte) 0xED, (byte) 0xFE, (byte) 0xED};
    private static final byte[] JCEKS_MAGIC = {(byte) 0xCE, (byte) 0xCE, (byte) 0xCE, (byte) 0xCE};

    /** A bundle of every public CA is about 200 KiB; a file 80 times that is something else. */
    public static final int MAX_BYTES = 16 << 20;

    private final List<char[]> passwords;

    /**
     * @param passwords keystore passwords to try in order; the empty one, "changeit" and none at all
     *                  are tried after them
     */
    public CertificateFiles(List<String> passwords) {
        List<char[]> all = new ArrayList<>();
        passwords.forEach(p -> all.add(p.toCharArray()));
        all.add(new char[0]);
        all.add("changeit".toCharArray());
        this.passwords = List.copyOf(all);
    }

    /** Every certificate in {@code file}, in file order; never empty. */
    public List<StoredCertificate> read(Path file) throws CertificateFileException {
        byte[] bytes;
        try {
            bytes = BoundedFile.read(file, MAX_BYTES);
        } catch (BoundedFile.TooLarge e) {
            throw new CertificateFileException(Problem.UNREADABLE, file + ": " + e.getMessage()
                    + ", too large for a certificate file or keystore (read stopped there)", e);
        } catch (IOException e) {
            throw new CertificateFileException(Problem.UNREADABLE, file + ": cannot read: " + BoundedFile.reason(e), e);
        }
        return read(file, bytes);
    }

    /** Every certificate in {@code bytes}, the content of {@code file}, in file order; never empty. */
    public List<StoredCertificate> read(Path file, byte[] bytes) throws CertificateFileException {
        if (bytes.length == 0) {
            throw new CertificateFileException(Problem.MALFORMED, file
                    + ": empty file; expected PEM, DER, PKCS#12 or JKS");
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<StoredCertificate> found;
        if (text.contains("-----BEGIN")) {
            found = pem(file, text);
        } else if (startsWith(bytes, JKS_MAGIC)) {
            found = keystore(file, bytes, "JKS");
        } else if (startsWith(bytes, JCEKS_MAGIC)) {
            found = keystore(file, bytes, "JCEKS");
        } else if (bytes[0] == 0x30) {
            found = derOrPkcs12(file, bytes);
        } else {
            throw new CertificateFileException(Problem.MALFORMED, file + ": not a certificate file (no PEM"
                    + " \"-----BEGIN\" line, not DER, PKCS#12 or JKS)");
        }
        if (found.isEmpty()) {
            throw new CertificateFileException(Problem.MALFORMED, file + ": no certificate in this file");
        }
        return found;
    }

    /** A PEM file's certificates are named {@code file#1}, {@code file#2}... when there are several. */
    private static List<StoredCertificate> pem(Path file, String text) throws CertificateFileException {
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = PEM_CERTIFICATE.matcher(text);
        while (block.find()) {
            String origin = file + "#" + (certificates.size() + 1);
            byte[] der;
            try {
                der = java.util.Base64.getMimeDecoder().decode(block.group(1).strip());
            } catch (IllegalArgumentException e) {
                throw new CertificateFileException(Problem.MALFORMED, origin + ": the PEM block is not valid base64", e);
            }
            certificates.add(parse(origin, der));
        }
        List<StoredCertificate> found = new ArrayList<>();
        for (int i = 0; i < certificates.size(); i++) {
            String origin = certificates.size() == 1 ? file.toString() : file + "#" + (i + 1);
            found.add(new StoredCertificate(certificates.get(i), origin, List.of(certificates.get(i))));
        }
        return found;
    }

    private List<StoredCertificate> derOrPkcs12(Path file, byte[] bytes) throws CertificateFileException {
        try {
            X509Certificate certificate = (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(bytes));
            return List.of(new StoredCertificate(certificate, file.toString(), List.of(certificate)));
        } catch (CertificateException | RuntimeException e) {
            return keystore(file, bytes, "PKCS12");
        }
    }

    private List<StoredCertificate> keystore(Path file, byte[] bytes, String type) throws CertificateFileException {
        Exception last = null;
        for (char[] password : passwords) {
            Opened opened = load(bytes, type, password);
            if (opened.store() != null) {
                return entries(file, opened.store());
            }
            last = opened.failure();
        }
        // Without a password JKS skips its integrity check, and PKCS#12 skips its MAC and any
        // encrypted certificates: good enough for reading certificates, so long as it finds some.
        KeyStore unlocked = load(bytes, type, null).store();
        if (unlocked != null && !entries(file, unlocked).isEmpty()) {
            return entries(file, unlocked);
        }
        String name = type.equals("PKCS12") ? "PKCS#12" : type;
        if (wrongPassword(last)) {
            int given = passwords.size() - 2;
            throw new CertificateFileException(Problem.WRONG_PASSWORD, file + ": a " + name + " keystore that "
                    + (given == 0 ? "no password given" : "none of the " + given + " password(s) given")
                    + " opens, nor the empty one or changeit: give its password with --password", last);
        }
        throw new CertificateFileException(Problem.MALFORMED, file + ": cannot open as " + (type.equals("PKCS12")
                ? "DER or PKCS#12" : type) + " (" + (last == null ? "unknown reason" : last.getMessage())
                + "); for a keystore, give its password with --password", last);
    }

    /** A keystore that opened, or why it did not. */
    private record Opened(KeyStore store, Exception failure) {
    }

    private static Opened load(byte[] bytes, String type, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(new ByteArrayInputStream(bytes), password);
            return new Opened(store, null);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return new Opened(null, e);
        }
    }

    /** JKS and PKCS#12 both say so with an UnrecoverableKeyException somewhere among the causes. */
    private static boolean wrongPassword(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.security.UnrecoverableKeyException) {
                return true;
            }
        }
        return false;
    }

    private static List<StoredCertificate> entries(Path file, KeyStore store) throws CertificateFileException {
        List<StoredCertificate> found = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                String origin = file + ":" + alias;
                Certificate[] chain = store.getCertificateChain(alias);
                if (chain != null && chain.length > 0) {
                    List<X509Certificate> certificates = new ArrayList<>();
                    for (Certificate c : chain) {
                        certificates.add((X509Certificate) c);
                    }
                    found.add(new StoredCertificate(certificates.get(0), origin, certificates));
                } else if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                    found.add(new StoredCertificate(certificate, origin, List.of(certificate)));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new CertificateFileException(Problem.MALFORMED, file + ": cannot list the keystore: " + e.getMessage(),
                    e);
        }
        return found;
    }

    private static X509Certificate parse(String origin, byte[] der) throws CertificateFileException {
        try {
            return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new CertificateFileException(Problem.MALFORMED, origin + ": not a valid X.509 certificate: "
                    + UnreadableCertificate.explain(der, e), e);
        }
    }

    private static CertificateFactory factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
