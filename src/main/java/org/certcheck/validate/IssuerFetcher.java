package org.certcheck.validate;

import java.net.URI;

/**
 * Fetches what an authorityInfoAccess caIssuers URL serves (RFC 5280 §4.2.2.1: a DER certificate
 * or a certs-only CMS bundle). Injected, so validation stays free of I/O; only used to name a
 * missing intermediate, never to complete a path.
 */
@FunctionalInterface
public interface IssuerFetcher {
    /** Never fetches anything: offline runs and the conformance suite. */
    IssuerFetcher NONE = uri -> new Fetched.Failed("not fetched (offline)");

    Fetched fetch(URI uri);

    /** What a fetch gave. */
    sealed interface Fetched {
        /** The response body. */
        record Body(byte[] bytes) implements Fetched {
            public Body {
                bytes = bytes.clone();
            }

            @Override
            public byte[] bytes() {
                return bytes.clone();
            }
        }

        /** Why nothing usable came back, for the message. */
        record Failed(String reason) implements Fetched {
            public Failed {
                java.util.Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
