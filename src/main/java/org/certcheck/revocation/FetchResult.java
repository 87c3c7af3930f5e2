package org.certcheck.revocation;

import java.util.Objects;

/** What one HTTP exchange with a CRL server or an OCSP responder gave: a response, or why there is none. */
public sealed interface FetchResult {

    /**
     * The server answered.
     *
     * @param status      HTTP status code
     * @param contentType the Content-Type header, empty if none
     * @param body        the response body
     */
    record Response(int status, String contentType, byte[] body) implements FetchResult {
        public Response {
            Objects.requireNonNull(contentType, "contentType");
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /**
     * No answer: refused, unreachable, timed out, too large.
     *
     * @param reason for people, e.g. {@code no answer within 5 s}
     */
    record Failed(String reason) implements FetchResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
