package org.certcheck.net;

import java.io.IOException;
import java.util.Optional;

/**
 * A fetch the {@link org.certcheck.net.FetchPolicy} forbade, thrown before a request is sent so that
 * the exchange ends with the policy's sentence, never with what the host would have answered.
 * Public with a message constructor, as {@code HttpURLConnection} re-creates exceptions by type.
 */
public final class FetchRefused extends IOException {
    private static final long serialVersionUID = 1L;

    public FetchRefused(String reason) {
        super(reason);
    }

    /** The refusal somewhere in {@code failure}'s causes, if it has one. */
    static Optional<FetchRefused> within(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FetchRefused refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }
}
