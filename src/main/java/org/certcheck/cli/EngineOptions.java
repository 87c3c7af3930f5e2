package org.certcheck.cli;

import java.util.Set;

import org.certcheck.finding.Calibration;
import org.certcheck.finding.FindingCode;
import org.certcheck.tls.TlsEngine;

import picocli.CommandLine.Option;

/** {@code --tls-engine} and {@code --require-post-quantum} (issue 15 items 1 and 2). */
final class EngineOptions {
    @Option(names = "--tls-engine", paramLabel = "ENGINE", defaultValue = "${sys:certcheck.tlsEngine:-auto}",
            description = {"TLS engine of the probes: conscrypt (BoringSSL: less CPU, offers the post-quantum "
                    + "X25519MLKEM768), jdk (the JVM's own), or auto (default: conscrypt where its native "
                    + "library loads). Targets conscrypt cannot read are read again by the JDK; -v and JSON "
                    + "say which engine read each."})
    String engine;

    @Option(names = "--require-post-quantum",
            description = "Fail a target that does not agree on a post-quantum key exchange (tls.no-post-quantum; "
                    + "information otherwise).")
    boolean requirePostQuantum;

    TlsEngine engine() {
        try {
            return TlsEngine.parse(engine);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--tls-engine: " + e.getMessage());
        }
    }

    /** {@code calibration}, with tls.no-post-quantum raised to FAIL under --require-post-quantum. */
    Calibration calibration(Calibration calibration) {
        return requirePostQuantum ? calibration.raising(Set.of(FindingCode.TLS_NO_POST_QUANTUM)) : calibration;
    }
}
