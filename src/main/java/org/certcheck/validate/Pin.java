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
 * {@code TARGET=PIN} limits the pin to a target written as {@code host} or {@code host:port}, normalised
 * as targets are (trailing dot, U-labels, case, IPv6 brackets do not matter).
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
            target = Optional.of(normalisedTarget(text, value.substring(0, equals).strip()));
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

    /**
     * A pin's TARGET in the form targets are compared in, so that {@code WEB.corp.}, {@code
     * bücher.test:8443} or {@code [0::1]:443} find their target: one trailing dot dropped,
     * internationalised names as A-labels (RFC 5890), lower case (RFC 4343), IPv6 in RFC 5952 text
     * without brackets; {@code host} or {@code host:port}.
     */
    private static String normalisedTarget(String text, String typed) {
        String host = typed;
        String port = "";
        if (typed.startsWith("[")) {
            int close = typed.indexOf(']');
            host = close < 0 ? typed : typed.substring(1, close);
            String rest = close < 0 ? "" : typed.substring(close + 1);
            if (close < 0 || !(rest.isEmpty() || rest.startsWith(":"))) {
                throw new IllegalArgumentException("\"" + text + "\": the target \"" + typed + "\" is not [IPv6]:PORT");
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
        } else if (typed.indexOf(':') >= 0 && typed.indexOf(':') == typed.lastIndexOf(':')) {
            host = typed.substring(0, typed.indexOf(':'));
            port = typed.substring(typed.indexOf(':') + 1);
        }
        if (!port.isEmpty() && !port.matches("[0-9]{1,5}") || !port.isEmpty() && (Integer.parseInt(port) < 1
                || Integer.parseInt(port) > 65535)) {
            throw new IllegalArgumentException("\"" + text + "\": the target's port \"" + port
                    + "\" is not a port (1-65535)");
        }
        Optional<java.net.InetAddress> address = org.certcheck.input.IpLiteral.parse(host);
        String name;
        if (address.isPresent()) {
            name = org.certcheck.input.IpLiteral.text(address.get());
        } else {
            name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            try {
                name = java.net.IDN.toASCII(name).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"" + text + "\": the target \"" + typed + "\" is not a host name ("
                        + e.getMessage() + ")");
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("\"" + text + "\": the target before \"=\" is empty");
            }
        }
        return port.isEmpty() ? name : name + ":" + Integer.parseInt(port);
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
