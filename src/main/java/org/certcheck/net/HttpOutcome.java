package org.certcheck.net;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/** What an {@link HttpFetch} gave: a response with any status, or why there is none. */
public sealed interface HttpOutcome {
    /**
     * @param status      HTTP status code
     * @param contentType the Content-Type header, empty if none
     * @param body        the response body (an error status's too)
     */
    record Response(int status, String contentType, byte[] body) implements HttpOutcome {
        public Response {
            Objects.requireNonNull(contentType, "contentType");
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        /** The body to read, without a copy of it (a CRL may be megabytes). */
        public InputStream bodyStream() {
            return new ByteArrayInputStream(body);
        }

        public int bodyLength() {
            return body.length;
        }
    }

    /** @param reason for people: {@code no answer within 5 s}, {@code connection refused or unreachable} */
    record Failed(String reason) implements HttpOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
