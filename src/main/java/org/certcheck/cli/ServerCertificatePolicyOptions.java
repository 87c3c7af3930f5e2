package org.certcheck.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.certcheck.input.HostListEntry;
import org.certcheck.input.Target;
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

    /**
     * Fails with a usage error for a pin given for a target that is not checked: a pin that matches
     * nothing would be silently ignored, and the target it was meant for would pass unpinned.
     */
    void requirePinnedTargets(List<HostListEntry> entries) {
        List<Target> targets = entries.stream().filter(Target.class::isInstance).map(Target.class::cast).toList();
        if (targets.isEmpty()) {
            return;
        }
        for (String typed : pins) {
            Pin pin = Pin.parse(typed);
            if (pin.target().isPresent() && targets.stream().noneMatch(t -> pin.appliesTo(t.host(), t.port()))) {
                String listed = targets.stream().limit(5).map(Target::display).collect(Collectors.joining(", "))
                        + (targets.size() > 5 ? ", ..." : "");
                throw new UsageException("--pin \"" + typed + "\": it is for " + pin.target().get() + ", which is not"
                        + " among the " + targets.size() + " target" + (targets.size() == 1 ? "" : "s")
                        + " to check (" + listed + "): name one of them as host or host:port, or leave out"
                        + " \"TARGET=\" to pin every target");
            }
        }
    }
}
