package org.certcheck.validate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An expected SHA-256 of a certificate, or of its SubjectPublicKeyInfo (RFC 7469 §2.4), for one
 * target or for all.
 *
 * <p>Text forms: {@code sha256/BASE64} pins a key, as HPKP and OkHttp write it; 64 hex digits
 * (colons allowed, as {@code openssl x509 -fingerprint -sha256} prints them) pin a certificate.
 * {@code TARGET=PIN} limits the pin to a target written as {@code host} or {@code host:port}.
 *
 * @param target  {@code host} or {@code host:port} (lower case) the pin applies to; empty for all
 * @param key     true for an SPKI pin, false for a certificate pin
 * @param sha256  the 32-byte digest
 */
public record Pin(Optional<String> target, boolean key, byte[] sha256) {
    public Pin {
        Objects.requireNonNull(target, "target");
        sha256 = sha256.clone();
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 pin has 32 bytes, got " + sha256.length);
        }
    }

    /** Parses {@code [TARGET=]sha256/BASE64} or {@code [TARGET=]HEX}; the message names what is wrong. */
    public static Pin parse(String text) {
        String value = text.strip();
        Optional<String> target = Optional.empty();
        int equals = value.indexOf('=', value.startsWith("sha256/") ? "sha256/".length() : 0);
        int slash = value.indexOf("sha256/");
        if (equals > 0 && (slash < 0 || equals < slash)) {
            target = Optional.of(value.substring(0, equals).toLowerCase(Locale.ROOT));
            value = value.substring(equals + 1);
        }
        if (value.startsWith("sha256/")) {
            byte[] digest;
            try {
                digest = Base64.getDecoder().decode(value.substring("sha256/".length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"" + text + "\": the part after sha256/ is not base64");
            }
            if (digest.length != 32) {
                throw new IllegalArgumentException("\"" + text + "\": sha256/ must be followed by 32 bytes in base64"
                        + " (44 characters), got " + digest.length + " bytes");
            }
            return new Pin(target, true, digest);
        }
        String hex = value.replace(":", "");
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("\"" + text + "\" is neither sha256/BASE64 (a key pin) nor 64 hex"
                    + " digits (a certificate's SHA-256 fingerprint)");
        }
        return new Pin(target, false, HexFormat.of().parseHex(hex));
    }

    /** True when this pin is for {@code host:port} (or for every target). */
    public boolean appliesTo(String host, int port) {
        return target.isEmpty() || target.get().equals(host.toLowerCase(Locale.ROOT))
                || target.get().equals(host.toLowerCase(Locale.ROOT) + ":" + port);
    }

    public boolean matches(X509Certificate certificate) {
        return Arrays.equals(sha256, key ? spkiSha256(certificate) : certificateSha256(certificate));
    }

    /** As the user would write it: {@code sha256/...} or hex with colons. */
    public String text() {
        return key ? "sha256/" + Base64.getEncoder().encodeToString(sha256) : HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256);
    }

    public static byte[] spkiSha256(X509Certificate certificate) {
        return sha256(certificate.getPublicKey().getEncoded());
    }

    public static byte[] certificateSha256(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate cannot be encoded again", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pin that && target.equals(that.target) && key == that.key
                && Arrays.equals(sha256, that.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, key, Arrays.hashCode(sha256));
    }

    @Override
    public String toString() {
        return target.map(t -> t + "=").orElse("") + text();
    }
}
