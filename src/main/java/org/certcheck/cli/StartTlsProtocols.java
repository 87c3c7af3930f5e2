package org.certcheck.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

import org.certcheck.input.Protocol;

/**
 * What shell completion offers for {@code --starttls}: every protocol it accepts, as the host
 * file's schemes spell them, and not {@code TLS}, which it refuses (TLS from the first byte is the
 * default).
 */
final class StartTlsProtocols implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Protocol.values()).filter(protocol -> protocol != Protocol.TLS)
                .map(protocol -> protocol.name().toLowerCase(Locale.ROOT)).iterator();
    }
}
