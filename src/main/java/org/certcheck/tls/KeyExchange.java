package org.certcheck.tls;

import java.util.Objects;
import java.util.Optional;

/**
 * The server's ephemeral key exchange, as it chose it in the clear part of the handshake: the
 * TLS 1.3 key_share group of its ServerHello (RFC 8446 section 4.2.8), or the group of a TLS 1.2
 * ServerKeyExchange (RFC 8422 section 5.4 named curve; RFC 5246 section 7.4.3 explicit DH prime).
 *
 * @param group the IANA name of the group ({@code x25519}, {@code secp256r1}, {@code ffdhe2048}), or
 *              {@code DH} for an explicit finite-field prime
 * @param bits  the size of the group: the prime's bits for finite-field groups, the curve's for EC
 * @param signature the signature scheme of a TLS 1.2 ServerKeyExchange (RFC 5246 section 7.4.1.4.1,
 *              RFC 8446 section 4.2.3 names), e.g. {@code rsa_pkcs1_sha1}; empty in TLS 1.3 (encrypted)
 *              and before TLS 1.2 (no field)
 */
public record KeyExchange(String group, int bits, Optional<String> signature) {
    public KeyExchange {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(signature, "signature");
    }

    public KeyExchange(String group, int bits) {
        this(group, bits, Optional.empty());
    }

    /** This exchange as signed with {@code scheme} in a TLS 1.2 ServerKeyExchange (issue 15.3: SHA-1 signatures). */
    KeyExchange signedWith(int scheme) {
        return new KeyExchange(group, bits, Optional.of(SignatureSchemes.name(scheme)));
    }

    public boolean finiteField() {
        return group.equals("DH") || group.startsWith("ffdhe");
    }

    /**
     * Whether the group resists a quantum computer: a hybrid of ML-KEM (FIPS 203) with a classical
     * group (draft-ietf-tls-ecdhe-mlkem), the pre-standard Kyber hybrids, or ML-KEM alone
     * (draft-connolly-tls-mlkem-key-agreement). The bits of a hybrid are its classical half's.
     */
    public boolean postQuantum() {
        return group.contains("MLKEM") || group.contains("Kyber");
    }

    /** The TLS Supported Groups registry (IANA), the entries a server may pick. */
    static KeyExchange named(int id) {
        return switch (id) {
            case 0x11ec -> new KeyExchange("X25519MLKEM768", 255);
            case 0x11eb -> new KeyExchange("SecP256r1MLKEM768", 256);
            case 0x11ed -> new KeyExchange("SecP384r1MLKEM1024", 384);
            case 0x6399 -> new KeyExchange("X25519Kyber768Draft00", 255);
            case 0x639a -> new KeyExchange("SecP256r1Kyber768Draft00", 256);
            case 0x0200 -> new KeyExchange("MLKEM512", 0);
            case 0x0201 -> new KeyExchange("MLKEM768", 0);
            case 0x0202 -> new KeyExchange("MLKEM1024", 0);
            case 0x0017 -> new KeyExchange("secp256r1", 256);
            case 0x0018 -> new KeyExchange("secp384r1", 384);
            case 0x0019 -> new KeyExchange("secp521r1", 521);
            case 0x001d -> new KeyExchange("x25519", 255);
            case 0x001e -> new KeyExchange("x448", 448);
            case 0x0100 -> new KeyExchange("ffdhe2048", 2048);
            case 0x0101 -> new KeyExchange("ffdhe3072", 3072);
            case 0x0102 -> new KeyExchange("ffdhe4096", 4096);
            case 0x0103 -> new KeyExchange("ffdhe6144", 6144);
            case 0x0104 -> new KeyExchange("ffdhe8192", 8192);
            case 0x0013 -> new KeyExchange("secp192r1", 192);
            case 0x0015 -> new KeyExchange("secp224r1", 224);
            case 0x0016 -> new KeyExchange("secp256k1", 256);
            case 0x001a -> new KeyExchange("brainpoolP256r1", 256);
            case 0x001b -> new KeyExchange("brainpoolP384r1", 384);
            case 0x001c -> new KeyExchange("brainpoolP512r1", 512);
            default -> new KeyExchange(String.format("group 0x%04x", id), 0);
        };
    }
}
