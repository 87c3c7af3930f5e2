package org.certcheck.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Handcrafted TLS 1.2 bytes (RFC 5246) for servers that misbehave in ways no TLS library can be
 * made to: a Certificate message with 200 entries, a megabyte of certificate, DER that does not
 * parse. Only what a client needs to reach the server's Certificate message is written.
 */
public final class TlsBytes {
    public static final int HANDSHAKE = 22;
    public static final int ALERT = 21;
    /** RFC 5246 section 6.2.1: a record carries at most 2^14 bytes. */
    public static final int MAX_FRAGMENT = 1 << 14;

    /** TLS 1.2 suites whose Certificate message comes right after the ServerHello, best first. */
    private static final int[] SUITES = {
        0xC02B, // TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
        0xC02C, // TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
        0xC02F, // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
        0xC030, // TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
    };
    private static final SecureRandom RANDOM = new SecureRandom();

    private TlsBytes() {
    }

    /**
     * Reads records until one whole ClientHello has arrived and returns its handshake body.
     *
     * @throws IOException when the client sends something else or hangs up
     */
    public static byte[] readClientHello(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        while (true) {
            int type = in.readUnsignedByte();
            in.readUnsignedShort();
            byte[] fragment = new byte[in.readUnsignedShort()];
            in.readFully(fragment);
            if (type != HANDSHAKE) {
                throw new IOException("expected a handshake record, got type " + type);
            }
            handshake.write(fragment);
            byte[] all = handshake.toByteArray();
            if (all.length >= 4 && all.length >= 4 + uint24(all, 1)) {
                if (all[0] != 1) {
                    throw new EOFException("expected a ClientHello, got handshake type " + all[0]);
                }
                return java.util.Arrays.copyOfRange(all, 4, 4 + uint24(all, 1));
            }
        }
    }

    /** A TLS 1.2 ECDHE suite the client offered, for a ServerHello it will accept. */
    public static int chooseCipherSuite(byte[] clientHello) {
        List<Integer> offered = offered(clientHello);
        for (int suite : SUITES) {
            if (offered.contains(suite)) {
                return suite;
            }
        }
        throw new IllegalArgumentException("the client offered none of the TLS 1.2 ECDHE suites: " + offered);
    }

    /** Whether the ClientHello offers {@code cipherSuite}. */
    public static boolean offers(byte[] clientHello, int cipherSuite) {
        return offered(clientHello).contains(cipherSuite);
    }

    private static List<Integer> offered(byte[] clientHello) {
        int at = 2 + 32; // client_version, random
        at += 1 + (clientHello[at] & 0xff); // session_id
        int length = uint16(clientHello, at);
        List<Integer> offered = new ArrayList<>();
        for (int i = at + 2; i < at + 2 + length; i += 2) {
            offered.add(uint16(clientHello, i));
        }
        return offered;
    }

    /** ServerHello record: TLS 1.2, a fresh random, no session id, {@code cipherSuite}, secure renegotiation. */
    public static byte[] serverHello(int cipherSuite) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(3);
        body.write(3);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        body.writeBytes(random);
        body.write(0); // session_id: empty
        body.write(cipherSuite >> 8);
        body.write(cipherSuite);
        body.write(0); // compression: null
        byte[] renegotiationInfo = {(byte) 0xff, 0x01, 0x00, 0x01, 0x00};
        body.write(0);
        body.write(renegotiationInfo.length);
        body.writeBytes(renegotiationInfo);
        return records(HANDSHAKE, handshake(2, body.toByteArray()));
    }

    /** A Certificate message (RFC 5246 section 7.4.2) holding {@code certificates} as given, in records. */
    public static byte[] certificate(List<byte[]> certificates) {
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        for (byte[] certificate : certificates) {
            list.writeBytes(uint24(certificate.length));
            list.writeBytes(certificate);
        }
        byte[] entries = list.toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(uint24(entries.length));
        body.writeBytes(entries);
        return records(HANDSHAKE, handshake(11, body.toByteArray()));
    }

    /** A handshake message: type, 24-bit length, body. */
    public static byte[] handshake(int type, byte[] body) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(type);
        message.writeBytes(uint24(body.length));
        message.writeBytes(body);
        return message.toByteArray();
    }

    /** {@code payload} cut into records of at most {@link #MAX_FRAGMENT} bytes, TLS 1.2 version. */
    public static byte[] records(int type, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        do {
            int length = Math.min(MAX_FRAGMENT, payload.length - at);
            out.write(type);
            out.write(3);
            out.write(3);
            out.write(length >> 8);
            out.write(length);
            out.write(payload, at, length);
            at += length;
        } while (at < payload.length);
        return out.toByteArray();
    }

    /** The record header of one handshake record of {@code length} bytes. */
    public static byte[] recordHeader(int type, int length) {
        return new byte[] {(byte) type, 3, 3, (byte) (length >> 8), (byte) length};
    }

    public static byte[] uint24(int value) {
        return new byte[] {(byte) (value >> 16), (byte) (value >> 8), (byte) value};
    }

    private static int uint24(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 16 | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff);
    }

    private static int uint16(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | (bytes[at + 1] & 0xff);
    }
}
