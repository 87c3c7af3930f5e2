package org.certcheck.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes as a {@code --ca} file: certificates, "no certificate here" with a reason, or a
 * {@link TrustLoadException} naming the file; never any other exception. Seeds (PEM bundles, DER,
 * keys of every kind, corrupt blocks) are in {@code CaFileFuzzTestInputs/}.
 */
class CaFileFuzzTest {
    private static final Path FILE = Path.of("fuzzed-ca.pem");

    @FuzzTest(maxDuration = "5m")
    void anyBytesGiveCertificatesOrAReasonNamingTheFile(byte[] bytes) throws Exception {
        CaFile.Content content;
        try {
            content = CaFile.parse(FILE, bytes);
        } catch (TrustLoadException e) {
            assertThat(e.getMessage()).startsWith(FILE.toString()).hasSizeGreaterThan(FILE.toString().length() + 2);
            return;
        }
        if (content instanceof CaFile.Content.Certificates found) {
            assertThat(found.certificates()).isNotEmpty().allSatisfy(certificate -> {
                assertThat(certificate.getEncoded()).isNotEmpty();
                assertThat(certificate.getSubjectX500Principal()).isNotNull();
            });
        } else {
            assertThat(((CaFile.Content.NoCertificate) content).reason()).isNotBlank();
        }
    }
}
