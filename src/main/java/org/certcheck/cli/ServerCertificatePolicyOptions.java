package org.certcheck.cli;

import java.util.ArrayList;
import java.util.List;

import org.certcheck.validate.Pin;

import picocli.CommandLine.Option;

/**
 * The certificate policy of the commands that judge a chain a server presents (the network check
 * and verify): {@link CertificatePolicyOptions} plus {@code --pin}. The inventory has no servers,
 * so its help does not offer the option.
 */
final class ServerCertificatePolicyOptions extends CertificatePolicyOptions {
    @Option(names = "--pin", order = 4, paramLabel = "[TARGET=]PIN",
            description = "Expect this key (sha256/BASE64) or certificate (64 hex digits) in the chain, for "
                    + "TARGET (host or host:port) or every target (repeatable).")
    List<String> pins = new ArrayList<>();

    @Override
    List<Pin> pins() {
        List<Pin> parsed = new ArrayList<>();
        for (String pin : pins) {
            try {
                parsed.add(Pin.parse(pin));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--pin " + e.getMessage(), e);
            }
        }
        return parsed;
    }
}
