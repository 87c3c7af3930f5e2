package org.certcheck.tls;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * Reads, from the bytes a server sends, the key exchange it chose while the handshake is still in
 * the clear: the ServerHello (TLS 1.3 key_share, RFC 8446 section 4.2.8) and the TLS 1.2
 * ServerKeyExchange (RFC 8422 section 5.4, RFC 5246 section 7.4.3). It stops at the first record
 * that is not a plaintext handshake record (ChangeCipherSpec, encrypted data, an alert). Other
 * handshake messages, the Certificate message among them, are skipped, not buffered.
 */
final class KeyExchangeTap {
    private static final int HANDSHAKE = 22;
    private static final int SERVER_HELLO = 2;
    private static final int SERVER_KEY_EXCHANGE = 12;
    /** A ServerHello or ServerKeyExchange is at most a few KiB (an 8192-bit prime is 1 KiB). */
    private static final int MAX_KEPT = 16 * 1024;

    private final byte[] recordHeader = new byte[5];
    private int recordHeaderFill;
    private int recordLeft;
    private final byte[] messageHeader = new byte[4];
    private int messageHeaderFill;
    private int messageLeft;
    private ByteArrayOutputStream kept;
    private boolean done;
    private boolean tls13;
    private boolean tls12;
    private int cipherSuite = -1;
    private KeyExchange found;

    /** Feeds bytes as they arrived from the server. */
    void accept(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length && !done; i++) {
            accept(bytes[i]);
        }
    }

    Optional<KeyExchange> keyExchange() {
        return Optional.ofNullable(found);
    }

    private void accept(byte b) {
        if (recordLeft == 0) {
            recordHeader[recordHeaderFill++] = b;
            if (recordHeaderFill == 5) {
                recordHeaderFill = 0;
                recordLeft = (recordHeader[3] & 0xff) << 8 | (recordHeader[4] & 0xff);
                done = (recordHeader[0] & 0xff) != HANDSHAKE || recordLeft == 0;
            }
            return;
        }
        recordLeft--;
        if (messageLeft == 0) {
            messageHeader[messageHeaderFill++] = b;
            if (messageHeaderFill == 4) {
                messageHeaderFill = 0;
                messageLeft = (messageHeader[1] & 0xff) << 16 | (messageHeader[2] & 0xff) << 8
                        | (messageHeader[3] & 0xff);
                int type = messageHeader[0] & 0xff;
                if ((type == SERVER_HELLO || type == SERVER_KEY_EXCHANGE) && messageLeft <= MAX_KEPT) {
                    kept = new ByteArrayOutputStream(messageLeft);
                }
                if (messageLeft == 0) {
                    finishMessage();
                }
            }
            return;
        }
        if (kept != null) {
            kept.write(b);
        }
        if (--messageLeft == 0) {
            finishMessage();
        }
    }

    private void finishMessage() {
        if (kept == null) {
            return;
        }
        byte[] body = kept.toByteArray();
        kept = null;
        try {
            if ((messageHeader[0] & 0xff) == SERVER_HELLO) {
                serverHello(body);
            } else {
                serverKeyExchange(body);
                done = true;
            }
        } catch (IndexOutOfBoundsException malformed) {
            done = true; // JSSE reports a malformed message; this tap only stops reading
        }
        if (tls13) {
            done = true; // everything after the TLS 1.3 ServerHello is encrypted
        }
    }

    private void serverHello(byte[] body) {
        tls12 = uint16(body, 0) == 0x0303;
        int at = 2 + 32;
        at += 1 + (body[at] & 0xff);
        cipherSuite = uint16(body, at);
        at += 3;
        if (at + 2 > body.length) {
            return;
        }
        int end = at + 2 + uint16(body, at);
        at += 2;
        Integer group = null;
        while (at + 4 <= end) {
            int type = uint16(body, at);
            int length = uint16(body, at + 2);
            if (type == 0x002b && length == 2 && uint16(body, at + 4) == 0x0304) {
                tls13 = true;
            } else if (type == 0x0033 && length >= 2) {
                group = uint16(body, at + 4);
            }
            at += 4 + length;
        }
        if (tls13 && group != null) {
            found = KeyExchange.named(group);
        }
    }

    /** ECDHE: curve_type 3 (named_curve) and the group; DHE: the prime p, its length first. */
    private void serverKeyExchange(byte[] body) {
        if (dheSuite(cipherSuite)) {
            int length = uint16(body, 0);
            int first = 2;
            while (first < 2 + length && body[first] == 0) {
                first++;
            }
            int bits = first < 2 + length ? (2 + length - first - 1) * 8 + (32 - Integer.numberOfLeadingZeros(body[first] & 0xff)) : 0;
            found = new KeyExchange("DH", bits);
            int end = 0;
            for (int vector = 0; vector < 3; vector++) { // p, g, Ys
                end += 2 + uint16(body, end);
            }
            signature(body, end);
        } else if ((body[0] & 0xff) == 3) {
            found = KeyExchange.named(uint16(body, 1));
            signature(body, 3 + 1 + (body[3] & 0xff));
        }
    }

    /** TLS 1.2 signs the parameters with a scheme named in the two bytes after them (RFC 5246 section 7.4.3). */
    private void signature(byte[] body, int at) {
        if (tls12 && at + 2 <= body.length) {
            found = found.signedWith(uint16(body, at));
        }
    }

    /** TLS_DHE_* suites (RFC 5246, RFC 5288, RFC 7905 registries): ids 0x0011-0x0016, 0x0033, 0x0039, 0x0067, 0x006b, 0x009e-0x009f, 0xccaa. */
    private static boolean dheSuite(int id) {
        return (id >= 0x0011 && id <= 0x0016) || id == 0x0033 || id == 0x0039 || id == 0x0067 || id == 0x006b
                || id == 0x009e || id == 0x009f || id == 0xccaa || (id >= 0xc09e && id <= 0xc09f)
                || id == 0xc0a2 || id == 0xc0a3 || id == 0x0045 || id == 0x0088;
    }

    private static int uint16(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | (bytes[at + 1] & 0xff);
    }
}
