package org.certcheck.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certcheck.pki.HeldCertificate;
import org.certcheck.pki.Pem;

/**
 * A CRL minted by OpenSSL's own CA tool ({@code openssl ca -gencrl}) from an index of issued and
 * revoked certificates, as a small corporate CA run with OpenSSL makes it.
 */
public final class OpenSslCrl {
    private OpenSslCrl() {
    }

    /**
     * The PEM CRL of {@code ca} listing the revoked {@code entries}, valid for 7 days.
     *
     * @param withCrlNumber false for a v1 CRL, as {@code openssl ca} writes one when its
     *                      configuration has no {@code crlnumber} file
     */
    public static Path mint(Path directory, HeldCertificate ca, List<OpenSslOcspResponder.Entry> entries,
            boolean withCrlNumber) throws IOException, InterruptedException {
        Path files = Files.createTempDirectory(directory, "openssl-ca-");
        StringBuilder index = new StringBuilder();
        entries.forEach(entry -> index.append(entry.line()));
        Files.writeString(files.resolve("index.txt"), index);
        Files.writeString(files.resolve("crlnumber"), "1000\n");
        Path config = Files.writeString(files.resolve("ca.cnf"), "[ ca ]\ndefault_ca = corp\n[ corp ]\n"
                + "database = " + files.resolve("index.txt") + "\n"
                + (withCrlNumber ? "crlnumber = " + files.resolve("crlnumber") + "\n" : "")
                + "default_md = sha256\ndefault_crl_days = 7\n");
        Path caPem = Files.writeString(files.resolve("ca.pem"), ca.certificatePem());
        Path caKey = Files.writeString(files.resolve("ca.key"), Pem.encode(ca.privateKey()));
        Path crl = files.resolve("ca.crl.pem");
        List<String> command = new ArrayList<>(List.of(OpenSslServer.executable().orElseThrow().toString(), "ca",
                "-batch", "-config", config.toString(), "-gencrl", "-keyfile", caKey.toString(),
                "-cert", caPem.toString(), "-out", crl.toString()));
        Path log = files.resolve("ca.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(crl)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
        return crl;
    }
}
