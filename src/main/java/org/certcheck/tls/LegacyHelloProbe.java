package org.certcheck.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certcheck.input.Target;

/**
 * Reads the certificate of a server that the JVM's TLS stack will not talk to (TLS 1.0/1.1 only,
 * or only cipher suites the JVM disables), without loosening anything in the JVM: it sends one
 * hand-written ClientHello offering TLS 1.0 to 1.2 with legacy suites, and reads the ServerHello
 * and Certificate messages, which TLS up to 1.2 sends in the clear (RFC 5246 §7.3). No key is
 * exchanged and the connection is closed right after: nothing is ever encrypted with the weak
 * parameters, and {@code jdk.tls.disabledAlgorithms} stays as it is for every other connection.
 */
final class LegacyHelloProbe {
    /**
     * Suites offered, strongest first, with their IANA names (RFC 5246, RFC 4492, RFC 8422
     * registries). The order matters: a server that picks by the client's preference then
     * negotiates the best suite it has, so a weak suite is reported only when the server has
     * nothing better. The weak ones are offered at all only to read the certificate of a server
     * that speaks nothing else; no key is ever exchanged with them.
     */
    private static final List<Map.Entry<Integer, String>> OFFER = List.of(
            Map.entry(0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xC013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0xC014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0xC00A, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0x009C, "TLS_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0xC012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0xC011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA"),
            Map.entry(0x0005, "TLS_RSA_WITH_RC4_128_SHA"),
            Map.entry(0x0004, "TLS_RSA_WITH_RC4_128_MD5"),
            Map.entry(0x0009, "TLS_RSA_WITH_DES_CBC_SHA"),
            Map.entry(0xC010, "TLS_ECDHE_RSA_WITH_NULL_SHA"),
            Map.entry(0xC006, "TLS_ECDHE_ECDSA_WITH_NULL_SHA"),
            Map.entry(0x003B, "TLS_RSA_WITH_NULL_SHA256"),
            Map.entry(0x0002, "TLS_RSA_WITH_NULL_SHA"));
    private static final Map<Integer, String> SUITES = OFFER.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    /** The JVM's limit for one handshake message ({@code --max-handshake-message}), read when a probe starts. */
    private static int maxMessage() {
        return Integer.getInteger("jdk.tls.maxHandshakeMessageSize", 1 << 18);
    }

    private LegacyHelloProbe() {
    }

    /**
     * The server's certificate as a {@link Handshake} whose error says how it was read; empty if the
     * server refuses. {@code socket} is open and ready for TLS (directly, after a STARTTLS preamble or
     * through a proxy tunnel); {@code peer} is what the report names as the server, {@code serverName}
     * the SNI to send, as the JVM's handshake sent it ({@code --sni}, {@code --no-sni}); {@code timeout}
     * is what is left of the target's handshake budget, for all reads together; {@code firstFailure}
     * is how the JVM's own handshake ended, quoted in the report. The caller closes the socket.
     */
    static Optional<Handshake> probe(Target target, Socket socket, InetSocketAddress peer,
                                     Optional<String> serverName, Duration timeout, String firstFailure,
                                     long startNanos) {
        try {
            socket.getOutputStream().write(clientHello(serverName));
            socket.getOutputStream().flush();
            return read(target, peer, new DataInputStream(new DeadlineInput(socket, timeout.toNanos())), firstFailure,
                    startNanos);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Handshake> read(Target target, InetSocketAddress endpoint, DataInputStream in,
                                            String firstFailure, long startNanos) throws IOException {
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        String protocol = null;
        String suite = null;
        while (true) {
            int type = in.readUnsignedByte();
            in.readUnsignedShort();
            int length = in.readUnsignedShort();
            byte[] fragment = in.readNBytes(length);
            if (type != 22 || fragment.length != length) {
                return Optional.empty(); // an alert, or anything but a handshake record
            }
            handshake.write(fragment);
            byte[] messages = handshake.toByteArray();
            int offset = 0;
            while (messages.length - offset >= 4) {
                int messageType = messages[offset] & 0xff;
                int messageLength = (messages[offset + 1] & 0xff) << 16 | (messages[offset + 2] & 0xff) << 8
                        | (messages[offset + 3] & 0xff);
                if (messageLength > maxMessage()) {
                    return Optional.empty();
                }
                if (messages.length - offset - 4 < messageLength) {
                    break;
                }
                DataInputStream body = new DataInputStream(new ByteArrayInputStream(messages, offset + 4, messageLength));
                if (messageType == 2) {
                    int version = body.readUnsignedShort();
                    body.skipNBytes(32);
                    body.skipNBytes(body.readUnsignedByte());
                    int id = body.readUnsignedShort();
                    protocol = switch (version) {
                        case 0x0300 -> "SSLv3";
                        case 0x0301 -> "TLSv1";
                        case 0x0302 -> "TLSv1.1";
                        case 0x0303 -> "TLSv1.2";
                        default -> String.format("0x%04x", version);
                    };
                    suite = SUITES.getOrDefault(id, String.format("0x%04X", id));
                } else if (messageType == 11 && protocol != null) {
                    // The JVM's own reason is quoted: it may have refused the protocol or suite, or something
                    // else the server sent (a signature algorithm, a key exchange group).
                    String refusal = "the JVM's handshake failed (" + firstFailure + "); the certificate was read"
                            + " from a legacy ClientHello, to which the server answered with " + protocol + " / "
                            + suite + ", and Java clients cannot connect";
                    return Optional.of(new Handshake(target, endpoint, certificates(body), protocol, suite,
                            Optional.of(refusal), Duration.ofNanos(System.nanoTime() - startNanos), List.of(),
                            Optional.empty(), KeyProof.notProven(refusal + "; that exchange is in the clear and"
                                    + " ends before a server proves it holds the private key")));
                } else if (messageType == 14) {
                    return Optional.empty(); // ServerHelloDone without a certificate: an anonymous suite.
                }
                offset += 4 + messageLength;
            }
            handshake.reset();
            handshake.write(messages, offset, messages.length - offset);
        }
    }

    private static List<X509Certificate> certificates(DataInputStream body) throws IOException {
        int total = body.readUnsignedByte() << 16 | body.readUnsignedShort();
        List<X509Certificate> chain = new ArrayList<>();
        int read = 0;
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (read < total) {
                int length = body.readUnsignedByte() << 16 | body.readUnsignedShort();
                byte[] der = body.readNBytes(length);
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                read += 3 + length;
            }
        } catch (CertificateException e) {
            throw new IOException("the server sent a certificate that cannot be parsed: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IOException("the server sent an empty Certificate message");
        }
        return chain;
    }

    private static byte[] clientHello(Optional<String> serverName) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(new byte[] {3, 3});
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.write(random);
        body.write(0);
        short16(body, OFFER.size() * 2);
        for (Map.Entry<Integer, String> suite : OFFER) {
            short16(body, suite.getKey());
        }
        body.write(new byte[] {1, 0});
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        if (serverName.isPresent()) {
            byte[] name = serverName.get().getBytes(StandardCharsets.US_ASCII);
            extension(extensions, 0x0000, concat(short16(name.length + 3), new byte[] {0}, short16(name.length), name));
        }
        extension(extensions, 0x000a, new byte[] {0, 8, 0, 0x1d, 0, 0x17, 0, 0x18, 0, 0x19});
        extension(extensions, 0x000b, new byte[] {1, 0});
        extension(extensions, 0x000d, new byte[] {0, 14, 4, 1, 5, 1, 6, 1, 2, 1, 4, 3, 5, 3, 2, 3});
        extension(extensions, 0xff01, new byte[] {0});
        short16(body, extensions.size());
        body.write(extensions.toByteArray());
        byte[] hello = concat(new byte[] {1}, new byte[] {0}, short16(body.size()), body.toByteArray());
        return concat(new byte[] {22, 3, 1}, short16(hello.length), hello);
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) throws IOException {
        short16(out, type);
        short16(out, data.length);
        out.write(data);
    }

    private static void short16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    private static byte[] short16(int value) {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

}
