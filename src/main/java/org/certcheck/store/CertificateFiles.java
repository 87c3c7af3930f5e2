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

/**
 * Reads certificates from a file in any of the forms servers and Java applications keep them in:
 * PEM (one or many CERTIFICATE blocks; keys and other blocks are skipped), DER, PKCS#12 and JKS
 * keystores (every key entry with its chain, every trusted certificate entry). Problems are
 * {@link CertificateFileException}s whose message names the file and what is wrong.
 */
public final class CertificateFiles {
    private static final Pattern PEM_CERTIFICATE = Pattern.compile(
            "-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----(.*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----",
            Pattern.DOTALL);
    private static final byte[] JKS_MAGIC = {(byte) 0xFE, (byte) 0xED, (byte) 0xFE, (byte) 0xED};

    private final List<char[]> passwords;

    /** @param passwords keystore passwords to try in order; the empty one and "changeit" are tried last */
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
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CertificateFileException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new CertificateFileException(file + ": empty file; expected PEM, DER, PKCS#12 or JKS");
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<StoredCertificate> found;
        if (text.contains("-----BEGIN")) {
            found = pem(file, text);
        } else if (startsWith(bytes, JKS_MAGIC)) {
            found = keystore(file, bytes, "JKS");
        } else if (bytes[0] == 0x30) {
            found = derOrPkcs12(file, bytes);
        } else {
            throw new CertificateFileException(file + ": not a certificate file (no PEM \"-----BEGIN\" line, not DER,"
                    + " PKCS#12 or JKS)");
        }
        if (found.isEmpty()) {
            throw new CertificateFileException(file + ": no certificate in this file");
        }
        return found;
    }

    private static List<StoredCertificate> pem(Path file, String text) throws CertificateFileException {
        List<StoredCertificate> found = new ArrayList<>();
        Matcher block = PEM_CERTIFICATE.matcher(text);
        while (block.find()) {
            String origin = file + "#" + (found.size() + 1);
            byte[] der;
            try {
                der = java.util.Base64.getMimeDecoder().decode(block.group(1).strip());
            } catch (IllegalArgumentException e) {
                throw new CertificateFileException(origin + ": the PEM block is not valid base64", e);
            }
            X509Certificate certificate = parse(origin, der);
            found.add(new StoredCertificate(certificate, origin, List.of(certificate)));
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
        KeyStore store = null;
        Exception last = null;
        for (char[] password : passwords) {
            try {
                store = KeyStore.getInstance(type);
                store.load(new ByteArrayInputStream(bytes), password);
                break;
            } catch (IOException | GeneralSecurityException e) {
                store = null;
                last = e;
            }
        }
        if (store == null) {
            throw new CertificateFileException(file + ": cannot open as " + (type.equals("JKS") ? "JKS" : "DER or PKCS#12")
                    + " (" + (last == null ? "unknown reason" : last.getMessage()) + "); for a keystore, give its"
                    + " password with --password", last);
        }
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
            throw new CertificateFileException(file + ": cannot list the keystore: " + e.getMessage(), e);
        }
        return found;
    }

    private static X509Certificate parse(String origin, byte[] der) throws CertificateFileException {
        try {
            return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new CertificateFileException(origin + ": not a valid X.509 certificate: " + e.getMessage(), e);
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
