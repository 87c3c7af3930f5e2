package org.certcheck.validate;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.tls.Handshake;

/**
 * A certificate chain too large for common clients: {@code tls.large-chain}, a warning naming its
 * size and who refuses it. The size is that of the TLS Certificate message's list (RFC 5246 section
 * 7.4.2: each certificate with its 3-byte length). Java clients refuse a handshake message over
 * 32 KiB by default ({@code jdk.tls.maxHandshakeMessageSize}); OpenSSL-based clients (curl, wget,
 * Python, nginx and HAProxy as proxies) refuse a certificate list over 100 KiB
 * ({@code SSL_CTX_set_max_cert_list}, default 102400 bytes).
 */
final class ChainSizeCheck {
    static final int JAVA_LIMIT = 32 * 1024;
    static final int OPENSSL_LIMIT = 100 * 1024;

    private ChainSizeCheck() {
    }

    static List<Finding> check(Handshake handshake) {
        long bytes = size(handshake.chain());
        if (bytes <= JAVA_LIMIT) {
            return List.of();
        }
        String refused = bytes > OPENSSL_LIMIT
                ? "OpenSSL-based clients (curl, wget, Python, nginx or HAProxy as a proxy) refuse a certificate list"
                        + " over 100 KiB (SSL_CTX_set_max_cert_list), and Java clients one over 32 KiB"
                        + " (jdk.tls.maxHandshakeMessageSize)"
                : "Java clients refuse a handshake message over 32 KiB (jdk.tls.maxHandshakeMessageSize);"
                        + " OpenSSL-based clients accept up to 100 KiB";
        return List.of(Finding.of(FindingCode.TLS_LARGE_CHAIN, "the server's certificate chain is " + bytes
                + " bytes (" + bytes / 1024 + " KiB) in " + handshake.chain().size() + " certificate(s): " + refused
                + "; send only the leaf and its intermediates, and reissue a leaf with thousands of names as"
                + " several smaller ones"));
    }

    private static long size(List<X509Certificate> chain) {
        long bytes = 0;
        for (X509Certificate certificate : chain) {
            try {
                bytes += 3 + certificate.getEncoded().length;
            } catch (CertificateEncodingException e) {
                // A certificate that was parsed from DER can be encoded again; count nothing if not.
            }
        }
        return bytes;
    }
}
