package org.certcheck.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.trust.TrustAnchorLoader;
import org.certcheck.trust.TrustLoadException;
import org.certcheck.validate.TrustAnchors;

import picocli.CommandLine.Option;

/** Which CAs a chain may end at. */
final class TrustOptions {
    @Option(names = "--ca", paramLabel = "FILE|DIR",
            description = "Trusted CA certificates: a PEM bundle, a DER file, a PKCS#12 or JKS trust store, or a "
                    + "directory of them (repeatable).")
    List<Path> caFiles = new ArrayList<>();

    @Option(names = "--ca-password", paramLabel = "PASSWORD",
            description = "The password of a PKCS#12 or JKS trust store given with --ca (repeatable; the empty "
                    + "password, changeit and none are tried after it).")
    List<String> caPasswords = new ArrayList<>();

    @Option(names = "--system-trust", description = "Also trust the JVM's default CAs when --ca is given.")
    boolean systemTrust;

    TrustAnchors load() {
        try {
            return TrustAnchorLoader.load(caFiles, systemTrust, caPasswords);
        } catch (TrustLoadException e) {
            throw new UsageException("--ca " + e.getMessage(), e);
        }
    }
}
