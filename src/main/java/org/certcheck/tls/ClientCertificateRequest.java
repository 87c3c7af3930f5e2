package org.certcheck.tls;

import java.util.List;

/**
 * The server asked for a client certificate during the handshake (a CertificateRequest, RFC 8446
 * section 4.3.2 / RFC 5246 section 7.4.4).
 *
 * @param acceptedIssuers the CA names the server said it accepts (RFC 2253), in its order; empty
 *                        when it named none
 * @param sent            whether a client certificate was sent in answer
 */
public record ClientCertificateRequest(List<String> acceptedIssuers, boolean sent) {
    public ClientCertificateRequest {
        acceptedIssuers = List.copyOf(acceptedIssuers);
    }
}
