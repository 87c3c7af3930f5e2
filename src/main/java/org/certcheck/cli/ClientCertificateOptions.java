package org.certcheck.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.certcheck.tls.ClientIdentity;
import org.certcheck.trust.ClientCertificateException;
import org.certcheck.trust.ClientKeyFiles;

import picocli.CommandLine.Option;

/** The client certificate shown to servers that ask for one (mutual TLS). */
final class ClientCertificateOptions {
    /** Passwords stay out of the command line, where other users can read them. */
    static final String PASSWORD_VARIABLE = "CERTCHECK_CLIENT_PASSWORD";

    @Option(names = "--client-cert", paramLabel = "FILE",
            description = "Client certificate (PEM, leaf first, may hold the key too) for servers that require one.")
    Path certificate;

    @Option(names = "--client-key", paramLabel = "FILE",
            description = "Its private key (PEM); encrypted keys take their password from " + PASSWORD_VARIABLE + ".")
    Path key;

    @Option(names = "--client-p12", paramLabel = "FILE",
            description = "Client certificate and key as PKCS#12, password from " + PASSWORD_VARIABLE + ".")
    Path pkcs12;

    Optional<ClientIdentity> identity(Map<String, String> environment) {
        char[] password = environment.getOrDefault(PASSWORD_VARIABLE, "").toCharArray();
        if (pkcs12 != null && (certificate != null || key != null)) {
            throw new UsageException("--client-p12 holds the certificate and the key: give it alone, or"
                    + " --client-cert and --client-key instead");
        }
        if (key != null && certificate == null) {
            throw new UsageException("--client-key needs --client-cert");
        }
        try {
            if (pkcs12 != null) {
                return Optional.of(ClientKeyFiles.pkcs12(pkcs12, password));
            }
            if (certificate != null) {
                return Optional.of(ClientKeyFiles.pem(certificate, Optional.ofNullable(key), password));
            }
            return Optional.empty();
        } catch (ClientCertificateException e) {
            throw new UsageException("client certificate: " + e.getMessage(), e);
        }
    }
}
