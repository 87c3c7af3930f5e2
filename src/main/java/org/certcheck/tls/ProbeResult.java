package org.certcheck.tls;

import java.time.Duration;

import org.certcheck.input.Target;

/** What one probe of one target found: a handshake's facts, or why there are none. */
public sealed interface ProbeResult permits Handshake, ProbeFailure {
    Target target();

    /** Wall time from the start of name resolution to the end of the probe. */
    Duration elapsed();
}
