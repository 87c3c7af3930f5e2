package org.certcheck.trust;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.certcheck.finding.Printable;
import org.certcheck.validate.TrustAnchors;

/**
 * Loads the certificates chains may end at (RFC 5280 §6.1.1 (d), the trust anchor information)
 * from the CA files and directories the user named, or the JVM's default trust store.
 *
 * <p>A path may be a PEM bundle, a single DER certificate, a PKCS#12, JKS or JCEKS trust store
 * ({@link CaKeystore}), or a directory of such files (read non-recursively in name order; hidden
 * files skipped; other files, such as a README, skipped quietly and named at {@code -v}; a file
 * named like a certificate that holds none skipped with a warning). A certificate that is not a CA is accepted, with a warning: users trust self-signed
 * leaves directly. Certificates with the same encoding are kept once.
 */
public final class TrustAnchorLoader {
    private static final Logger LOG = LoggerFactory.getLogger(TrustAnchorLoader.class);
    /** Names of files that should hold certificates (as OpenSSL's c_rehash and Debian name them). */
    private static final java.util.regex.Pattern CERTIFICATE_NAME = java.util.regex.Pattern.compile(
            "(?i).*\\.(pem|crt|cer|der|ca-bundle)|[0-9a-f]{8}\\.[0-9]+");

    private TrustAnchorLoader() {
    }

    /**
     * @param caFiles        files and directories, in the order given; empty for the JVM default
     *                       trust store
     * @param addSystemTrust also trust the JVM default trust store when files are given
     * @throws TrustLoadException naming the file and what is wrong with it: missing, unreadable,
     *                            empty, no certificate, a private key, corrupt PEM or DER
     */
    public static TrustAnchors load(List<Path> caFiles, boolean addSystemTrust) {
        return load(caFiles, addSystemTrust, List.of());
    }

    /** As {@link #load(List, boolean)}, with the passwords to try on trust stores. */
    public static TrustAnchors load(List<Path> caFiles, boolean addSystemTrust, List<String> passwords) {
        if (caFiles.isEmpty()) {
            List<X509Certificate> system = JvmTrustStore.certificates();
            if (system.isEmpty()) {
                throw new TrustLoadException("the JVM default trust store holds no CA: give CA files to check against");
            }
            return new TrustAnchors(system, "JVM default trust store (" + cas(system.size()) + ")", system);
        }
        Map<ByteBuffer, X509Certificate> anchors = new LinkedHashMap<>();
        for (Path path : caFiles) {
            for (X509Certificate certificate : certificatesIn(path, passwords)) {
                anchors.putIfAbsent(encoding(certificate), certificate);
            }
        }
        String description = cas(anchors.size()) + " from "
                + caFiles.stream().map(Path::toString).collect(Collectors.joining(", "));
        List<X509Certificate> system = addSystemTrust ? JvmTrustStore.certificates() : List.of();
        if (addSystemTrust) {
            for (X509Certificate certificate : system) {
                anchors.putIfAbsent(encoding(certificate), certificate);
            }
            description += " and the JVM default trust store (" + cas(system.size()) + ")";
        }
        return new TrustAnchors(List.copyOf(anchors.values()), description, system);
    }

    private static List<X509Certificate> certificatesIn(Path path, List<String> passwords) {
        if (Files.isDirectory(path)) {
            return directory(path, passwords);
        }
        if (!Files.exists(path)) {
            throw new TrustLoadException(path + ": no such file");
        }
        // A named pipe (--ca <(kubectl get secret ...)) or device is read too, up to CaFile's limit; only a
        // regular file can be a keystore (telling one apart reads its first bytes, which a pipe would lose).
        if (Files.isRegularFile(path) && CaKeystore.is(path)) {
            List<X509Certificate> stored = CaKeystore.read(path, passwords);
            warnAboutNonCas(path, stored);
            return stored;
        }
        CaFile.Content content = CaFile.read(path);
        if (content instanceof CaFile.Content.NoCertificate none) {
            throw new TrustLoadException(path + ": " + none.reason());
        }
        List<X509Certificate> certificates = ((CaFile.Content.Certificates) content).certificates();
        warnAboutNonCas(path, certificates);
        return certificates;
    }

    private static List<X509Certificate> directory(Path directory, List<String> passwords) {
        List<Path> entries;
        try (Stream<Path> listing = Files.list(directory)) {
            entries = listing.filter(entry -> !entry.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(entry -> entry.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new TrustLoadException(directory + ": cannot list the directory: " + CaFile.reason(e), e);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                LOG.debug("{}: skipped, a directory (CA directories are not read recursively)", entry);
                continue;
            }
            if (!Files.isRegularFile(entry)) {
                LOG.warn("{}: skipped, not a regular file (a broken link?)", entry);
                skipped.add(entry.getFileName().toString());
                continue;
            }
            if (CaKeystore.is(entry)) {
                List<X509Certificate> stored = CaKeystore.read(entry, passwords);
                warnAboutNonCas(entry, stored);
                certificates.addAll(stored);
                continue;
            }
            CaFile.Content content = CaFile.read(entry);
            if (content instanceof CaFile.Content.NoCertificate none) {
                // A README or notes beside the CAs are expected there: named only at -v. A file
                // named like a certificate that holds none is a mistake worth a warning.
                if (CERTIFICATE_NAME.matcher(entry.getFileName().toString()).matches()) {
                    LOG.warn("{}: skipped, {}", entry, none.reason());
                } else {
                    LOG.info("{}: skipped, not a certificate file ({})", entry, none.reason());
                }
                skipped.add(entry.getFileName().toString());
            } else {
                List<X509Certificate> found = ((CaFile.Content.Certificates) content).certificates();
                warnAboutNonCas(entry, found);
                certificates.addAll(found);
            }
        }
        if (certificates.isEmpty()) {
            throw new TrustLoadException(directory + ": no certificate in this directory"
                    + (skipped.isEmpty() ? ", it holds no files" : " (skipped " + String.join(", ", skipped) + ")"));
        }
        return certificates;
    }

    /** RFC 5280 §4.2.1.9: only basicConstraints cA TRUE makes a CA; anything else can only anchor itself. */
    private static void warnAboutNonCas(Path file, List<X509Certificate> certificates) {
        for (X509Certificate certificate : certificates) {
            if (certificate.getBasicConstraints() < 0) {
                LOG.warn("{}: {} is not a CA certificate (no basicConstraints CA:TRUE); "
                                + "trusting it directly, it cannot vouch for other certificates",
                        file, subject(certificate));
            }
        }
    }

    /** The DER encoding, the identity by which duplicates are dropped. */
    private static ByteBuffer encoding(X509Certificate certificate) {
        try {
            return ByteBuffer.wrap(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new TrustLoadException("cannot encode the CA certificate " + subject(certificate) + ": "
                    + CaFile.reason(e), e);
        }
    }

    private static String subject(X509Certificate certificate) {
        return Printable.printable(certificate.getSubjectX500Principal().getName());
    }

    private static String cas(int count) {
        return count == 1 ? "1 CA" : count + " CAs";
    }
}
