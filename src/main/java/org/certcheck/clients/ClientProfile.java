package org.certcheck.clients;

import java.util.List;
import java.util.Objects;

/**
 * What one client refuses with its default settings: immutable rule data, judged by
 * {@link Compatibility}. The values and their sources are in {@link ClientProfiles}.
 *
 * @param id                   the short name used by {@code --clients}, in reports and findings
 * @param name                 a human name ({@code JDK 25 (default java.security)})
 * @param minProtocol          the oldest protocol it speaks ({@code TLSv1.2})
 * @param rsaKeyExchange       whether it offers TLS_RSA_* (RSA key transport) suites
 * @param dheKeyExchange       whether it offers TLS_DHE_* suites
 * @param sha1Signatures       whether it accepts SHA-1 in the server's TLS 1.2 handshake signature
 * @param minDhBits            the smallest finite-field DH group it accepts
 * @param minRsaBits           the smallest RSA leaf key it accepts
 * @param minPublicRsaBits     the smallest RSA leaf key it accepts under a publicly trusted root
 * @param minEcBits            the smallest EC leaf key it accepts
 * @param fetchesIntermediates whether it downloads a missing intermediate from the caIssuers URL
 *                             (RFC 5280 section 4.2.2.1)
 * @param distrust             the CA distrust policies it applies
 */
public record ClientProfile(String id, String name, String minProtocol, boolean rsaKeyExchange,
                            boolean dheKeyExchange, boolean sha1Signatures, int minDhBits, int minRsaBits,
                            int minPublicRsaBits, int minEcBits, boolean fetchesIntermediates,
                            List<CaDistrust> distrust) {
    public ClientProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (Protocols.rank(minProtocol) < 0) {
            throw new IllegalArgumentException("unknown protocol for " + id + ": " + minProtocol);
        }
        distrust = List.copyOf(distrust);
    }
}
