package org.certcheck.tls;

/**
 * Names of TLS signature schemes (IANA TLS SignatureScheme registry, RFC 8446 section 4.2.3; the
 * TLS 1.2 hash/signature pairs of RFC 5246 section 7.4.1.4.1 share the code points).
 */
final class SignatureSchemes {
    private SignatureSchemes() {
    }

    static String name(int id) {
        return switch (id) {
            case 0x0201 -> "rsa_pkcs1_sha1";
            case 0x0202 -> "dsa_sha1";
            case 0x0203 -> "ecdsa_sha1";
            case 0x0101 -> "rsa_pkcs1_md5";
            case 0x0301 -> "rsa_sha224";
            case 0x0303 -> "ecdsa_sha224";
            case 0x0401 -> "rsa_pkcs1_sha256";
            case 0x0501 -> "rsa_pkcs1_sha384";
            case 0x0601 -> "rsa_pkcs1_sha512";
            case 0x0403 -> "ecdsa_secp256r1_sha256";
            case 0x0503 -> "ecdsa_secp384r1_sha384";
            case 0x0603 -> "ecdsa_secp521r1_sha512";
            case 0x0804 -> "rsa_pss_rsae_sha256";
            case 0x0805 -> "rsa_pss_rsae_sha384";
            case 0x0806 -> "rsa_pss_rsae_sha512";
            case 0x0807 -> "ed25519";
            case 0x0808 -> "ed448";
            case 0x0809 -> "rsa_pss_pss_sha256";
            case 0x080a -> "rsa_pss_pss_sha384";
            case 0x080b -> "rsa_pss_pss_sha512";
            default -> String.format("scheme 0x%04x", id);
        };
    }
}
