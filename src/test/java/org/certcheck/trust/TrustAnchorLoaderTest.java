package org.certcheck.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.certcheck.pki.HeldCertificate;
import org.certcheck.pki.Pem;
import org.certcheck.validate.TrustAnchors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorLoaderTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final HeldCertificate ROOT = ca("Corp Root CA");
    private static final HeldCertificate OTHER_ROOT = ca("Other Root CA");

    @TempDir
    Path dir;

    private final LogCapture log = new LogCapture("org.certcheck.trust");

    @AfterEach
    void stopCapture() {
        log.close();
    }

    @Test
    void pemBundleOfTwoGivesBothInFileOrder() throws IOException {
        Path bundle = write("corp-root.pem", ROOT.certificatePem() + OTHER_ROOT.certificatePem());

        TrustAnchors anchors = TrustAnchorLoader.load(List.of(bundle), false);

        assertThat(anchors.certificates()).containsExactly(ROOT.certificate(), OTHER_ROOT.certificate());
        assertThat(anchors.description()).isEqualTo("2 CAs from " + bundle);
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void textAroundPemBlocksIsIgnored() throws IOException {
        Path bundle = write("annotated.pem", "subject=CN=Corp Root CA\n" + ROOT.certificatePem() + "\n# end\n");

        assertThat(TrustAnchorLoader.load(List.of(bundle), false).certificates()).containsExactly(ROOT.certificate());
    }

    @Test
    void singleDerCertificateLoads() throws Exception {
        Path der = write("corp-root.der", ROOT.certificate().getEncoded());

        TrustAnchors anchors = TrustAnchorLoader.load(List.of(der), false);

        assertThat(anchors.certificates()).containsExactly(ROOT.certificate());
        assertThat(anchors.description()).isEqualTo("1 CA from " + der);
    }

    @Test
    void descriptionNamesEveryPathInOrder() throws IOException {
        Path first = write("corp-root.pem", ROOT.certificatePem());
        Path second = write("extra.pem", OTHER_ROOT.certificatePem());

        TrustAnchors anchors = TrustAnchorLoader.load(List.of(first, second), false);

        assertThat(anchors.description()).isEqualTo("2 CAs from " + first + ", " + second);
    }

    @Test
    void duplicateCertificatesAreKeptOnce() throws IOException {
        Path first = write("a.pem", ROOT.certificatePem() + ROOT.certificatePem());
        Path second = write("b.pem", OTHER_ROOT.certificatePem() + ROOT.certificatePem());

        TrustAnchors anchors = TrustAnchorLoader.load(List.of(first, second), false);

        assertThat(anchors.certificates()).containsExactly(ROOT.certificate(), OTHER_ROOT.certificate());
        assertThat(anchors.description()).startsWith("2 CAs from ");
    }

    @Test
    void directoryLoadsItsCertificateFilesInNameOrderAndSkipsTheRest() throws Exception {
        Path certs = Files.createDirectory(dir.resolve("certs"));
        HeldCertificate third = ca("Third CA");
        Files.writeString(certs.resolve("b-root.pem"), OTHER_ROOT.certificatePem());
        Files.write(certs.resolve("a-root.der"), ROOT.certificate().getEncoded());
        Files.writeString(certs.resolve("c-bundle.crt"), third.certificatePem());
        Files.writeString(certs.resolve("README.txt"), "Put the corporate CAs here.\n");
        Files.writeString(certs.resolve("empty.pem"), "");
        Files.writeString(certs.resolve("key.pub"), Pem.encode(third.keyPair().getPublic()));
        Files.writeString(certs.resolve(".hidden.pem"), ca("Hidden CA").certificatePem());
        Path nested = Files.createDirectory(certs.resolve("nested"));
        Files.writeString(nested.resolve("nested.pem"), ca("Nested CA").certificatePem());

        TrustAnchors anchors = TrustAnchorLoader.load(List.of(certs), false);

        assertThat(anchors.certificates())
                .containsExactly(ROOT.certificate(), OTHER_ROOT.certificate(), third.certificate());
        assertThat(anchors.description()).isEqualTo("3 CAs from " + certs);
        // Issue 17: files beside the CAs that are not named like certificates are named only at -v.
        assertThat(log.warnings()).containsExactly(
                certs.resolve("empty.pem") + ": skipped, empty file; expected PEM or DER certificates");
        assertThat(log.infos()).containsExactly(
                certs.resolve("README.txt") + ": skipped, not a certificate file (not a certificate file: no PEM "
                        + "\"-----BEGIN\" line, and not DER (first byte 0x50; a DER certificate starts with 0x30))",
                certs.resolve("key.pub") + ": skipped, not a certificate file (no certificate in this PEM file, "
                        + "only PUBLIC KEY)");
    }

    @Test
    void directoryWithoutAnyCertificateIsAnError() throws IOException {
        Path certs = Files.createDirectory(dir.resolve("certs"));
        Files.writeString(certs.resolve("README.txt"), "Put the corporate CAs here.\n");

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(certs), false))
                .isInstanceOf(TrustLoadException.class)
                .hasMessage(certs + ": no certificate in this directory (skipped README.txt)");
    }

    @Test
    void emptyDirectoryIsAnError() throws IOException {
        Path certs = Files.createDirectory(dir.resolve("certs"));

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(certs), false))
                .hasMessage(certs + ": no certificate in this directory, it holds no files");
    }

    @Test
    void privateKeyInADirectoryIsAnErrorNotASkip() throws IOException {
        Path certs = Files.createDirectory(dir.resolve("certs"));
        Files.writeString(certs.resolve("root.pem"), ROOT.certificatePem());
        Files.writeString(certs.resolve("root.key"), Pem.encode(ROOT.privateKey()));

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(certs), false))
                .hasMessage(certs.resolve("root.key") + " contains a private key: "
                        + "a CA file should hold certificates only; keep private keys out of it");
    }

    @Test
    void nonCaCertificateIsTrustedWithAWarning() throws IOException {
        HeldCertificate selfSignedLeaf = HeldCertificate.builder(NOW).commonName("legacy.example.com")
                .addSubjectAltName("legacy.example.com").build();
        Path file = write("legacy.pem", selfSignedLeaf.certificatePem());

        TrustAnchors anchors = TrustAnchorLoader.load(List.of(file), false);

        assertThat(anchors.certificates()).containsExactly(selfSignedLeaf.certificate());
        assertThat(log.warnings()).containsExactly(file + ": CN=legacy.example.com is not a CA certificate "
                + "(no basicConstraints CA:TRUE); trusting it directly, it cannot vouch for other certificates");
    }

    /** A sparse 3 GiB file: reading it whole would need more memory than an array can hold. */
    @Test
    void hugeFileIsRefusedWithoutBeingReadWhole() throws IOException {
        Path huge = sparseFile(dir.resolve("huge.pem"), 3L << 30);

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(huge), false))
                .isInstanceOf(TrustLoadException.class)
                .hasMessage(huge + ": too large for a CA file (larger than 16 MiB, read stopped there; a bundle of"
                        + " every public CA is about 200 KiB)");
    }

    @Test
    void hugeFileInADirectoryIsSkippedWithAWarning() throws IOException {
        Path certs = Files.createDirectory(dir.resolve("certs"));
        Files.writeString(certs.resolve("root.pem"), ROOT.certificatePem());
        sparseFile(certs.resolve("backup.pem"), 3L << 30);
        sparseFile(certs.resolve("backup.tar"), 3L << 30);

        TrustAnchors anchors = TrustAnchorLoader.load(List.of(certs), false);

        assertThat(anchors.certificates()).containsExactly(ROOT.certificate());
        assertThat(log.warnings()).singleElement().asString()
                .startsWith(certs.resolve("backup.pem") + ": skipped, too large for a CA file");
        assertThat(log.infos()).singleElement().asString()
                .startsWith(certs.resolve("backup.tar") + ": skipped, not a certificate file (too large");
    }

    private static Path sparseFile(Path path, long length) throws IOException {
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(length);
        }
        return path;
    }

    @Test
    void noFilesMeansTheJvmDefaultTrustStore() {
        TrustAnchors anchors = TrustAnchorLoader.load(List.of(), false);

        assertThat(anchors.certificates()).isNotEmpty();
        assertThat(anchors.description())
                .isEqualTo("JVM default trust store (" + anchors.certificates().size() + " CAs)");
    }

    @Test
    void systemTrustCanBeAddedToFiles() throws IOException {
        Path file = write("corp-root.pem", ROOT.certificatePem());
        int systemCount = TrustAnchorLoader.load(List.of(), false).certificates().size();

        TrustAnchors anchors = TrustAnchorLoader.load(List.of(file), true);

        assertThat(anchors.certificates()).hasSize(systemCount + 1).startsWith(ROOT.certificate());
        assertThat(anchors.description())
                .isEqualTo("1 CA from " + file + " and the JVM default trust store (" + systemCount + " CAs)");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("x.pem");

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(missing), false))
                .isInstanceOf(TrustLoadException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void unreadableFileIsNamed() throws IOException {
        Path file = write("x.pem", ROOT.certificatePem());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as root: permissions do not stop reading");

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(file), false))
                .hasMessage(file + ": cannot read it: permission denied");
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        Path file = write("x.pem", "");

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(file), false))
                .hasMessage(file + ": empty file; expected PEM or DER certificates");
    }

    @Test
    void pemWithoutCertificateIsAnError() throws IOException {
        Path file = write("x.pem", Pem.encode(ROOT.keyPair().getPublic()));

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(file), false))
                .hasMessage(file + ": no certificate in this PEM file, only PUBLIC KEY");
    }

    @Test
    void pemWithAPrivateKeyIsRefused() throws IOException {
        Path file = write("x.pem", ROOT.certificatePem() + Pem.encode(ROOT.privateKey()));

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(file), false))
                .hasMessage(file + " contains a private key: "
                        + "a CA file should hold certificates only; keep private keys out of it");
    }

    @Test
    void pkcs8AndOpenSshPrivateKeysAreRefusedToo() throws IOException {
        Path pkcs8 = write("pkcs8.pem", "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(ROOT.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Path openSsh = write("id.pem", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
                + "-----END OPENSSH PRIVATE KEY-----\n");

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(pkcs8), false))
                .hasMessageStartingWith(pkcs8 + " contains a private key: ");
        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(openSsh), false))
                .hasMessageStartingWith(openSsh + " contains a private key: ");
    }

    @Test
    void derPrivateKeyIsRefused() throws IOException {
        Path file = write("x.der", ROOT.privateKey().getEncoded());

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(file), false))
                .hasMessageStartingWith(file + " contains a private key: ");
    }

    @Test
    void pemWithBadBase64IsCorrupt() throws IOException {
        Path file = write("x.pem", "-----BEGIN CERTIFICATE-----\nMII!!!not*base64\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(file), false))
                .hasMessageStartingWith(file + ": corrupt PEM at block 1: ");
    }

    @Test
    void pemWithoutEndLineIsCorrupt() throws IOException {
        String pem = ROOT.certificatePem();
        Path file = write("x.pem", pem.substring(0, pem.indexOf("-----END")));

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(file), false))
                .hasMessageStartingWith(file + ": corrupt PEM at block 1: ");
    }

    @Test
    void pemBlockThatIsNoCertificateIsCorrupt() throws IOException {
        Path file = write("x.pem", ROOT.certificatePem() + "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.US_ASCII))
                + "\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(file), false))
                .hasMessageStartingWith(file + ": corrupt PEM: block 2 (CERTIFICATE) is not a valid certificate: ");
    }

    @Test
    void truncatedDerIsCorrupt() throws Exception {
        byte[] encoded = ROOT.certificate().getEncoded();
        Path file = write("x.der", Arrays.copyOf(encoded, encoded.length - 20));

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(file), false))
                .hasMessageStartingWith(file + ": corrupt DER certificate: ");
    }

    @Test
    void garbageIsNeitherPemNorDer() throws IOException {
        Path file = write("x.pem", "this is not a certificate\n");

        assertThatThrownBy(() -> TrustAnchorLoader.load(List.of(file), false))
                .hasMessage(file + ": not a certificate file: no PEM \"-----BEGIN\" line, "
                        + "and not DER (first byte 0x74; a DER certificate starts with 0x30)");
    }

    private static HeldCertificate ca(String name) {
        return HeldCertificate.builder(NOW).commonName(name).certificateAuthority(1).build();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
