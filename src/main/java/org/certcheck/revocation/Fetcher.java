package org.certcheck.revocation;

import java.net.URI;

import org.certcheck.net.HttpOutcome;

/**
 * The only way revocation checking touches the network, so tests and the CLI choose how.
 * Implementations return every network outcome as an {@link HttpOutcome}, never throw for one, and
 * bound each call by a timeout of their own. They must be safe to call from many threads.
 */
public interface Fetcher {
    /** Downloads {@code uri} (a CRL). */
    HttpOutcome get(URI uri);

    /** Posts an OCSP request (RFC 6960 appendix A.1: {@code application/ocsp-request}) to {@code uri}. */
    HttpOutcome postOcsp(URI uri, byte[] request);
}
