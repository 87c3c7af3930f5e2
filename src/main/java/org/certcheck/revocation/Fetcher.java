package org.certcheck.revocation;

import java.net.URI;

/**
 * The only way revocation checking touches the network, so tests and the CLI choose how.
 * Implementations return every network outcome as a {@link FetchResult}, never throw for one, and
 * bound each call by a timeout of their own. They must be safe to call from many threads.
 */
public interface Fetcher {
    /** Downloads {@code uri} (a CRL). */
    FetchResult get(URI uri);

    /** Posts an OCSP request (RFC 6960 appendix A.1: {@code application/ocsp-request}) to {@code uri}. */
    FetchResult postOcsp(URI uri, byte[] request);
}
