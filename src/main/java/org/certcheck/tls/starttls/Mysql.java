package org.certcheck.tls.starttls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.certcheck.input.Target;
import org.certcheck.net.Conversation;
import org.certcheck.net.Quoted;

/**
 * MySQL and MariaDB (client/server protocol, "Protocol::HandshakeV10" and "Protocol::SSLRequest"):
 * the server speaks first with a handshake packet whose capability flags include CLIENT_SSL when
 * it accepts TLS; the client answers with a 32-byte SSLRequest packet and starts TLS at once.
 */
final class Mysql implements StartTls {
    static final int CLIENT_PROTOCOL_41 = 0x0200;
    static final int CLIENT_SSL = 0x0800;
    static final int CLIENT_SECURE_CONNECTION = 0x8000;
    /** No handshake packet comes near this; the server's error packets neither. */
    private static final int MAX_PACKET = 16 * 1024;

    @Override
    public void negotiate(Conversation conversation, Target target) throws IOException {
        byte[] header = conversation.readExactly(4);
        int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
        if (length < 1 || length > MAX_PACKET) {
            throw new StartTlsRefused("the server's first packet " + Quoted.of(header) + " is not a MySQL handshake"
                    + " (length " + length + ")" + conversation.notThisProtocol());
        }
        ByteBuffer packet = ByteBuffer.wrap(conversation.readExactly(length)).order(ByteOrder.LITTLE_ENDIAN);
        int kind = packet.get() & 0xff;
        if (kind == 0xff) {
            throw new StartTlsRefused("the MySQL server refused the connection: " + errorText(packet));
        }
        if (kind != 10) {
            throw new StartTlsRefused("the server's first packet has protocol version " + kind
                    + ", not 10" + conversation.notThisProtocol());
        }
        String version = nulTerminated(packet);
        // connection id (4), auth-plugin-data part 1 (8), filler (1), then the lower capability flags.
        if (packet.remaining() < 4 + 8 + 1 + 2) {
            throw new StartTlsRefused("the MySQL handshake packet is too short" + conversation.notThisProtocol());
        }
        packet.position(packet.position() + 4 + 8 + 1);
        int capabilities = packet.getShort() & 0xffff;
        if ((capabilities & CLIENT_SSL) == 0) {
            throw new StartTlsRefused("the MySQL server " + Quoted.of(version) + " does not offer TLS"
                    + " (no CLIENT_SSL capability: TLS not configured?)");
        }
        conversation.send(sslRequest());
    }

    /** Header (length 32, sequence 1), capabilities, max packet size, character set, 23 zero bytes. */
    private static byte[] sslRequest() {
        ByteBuffer packet = ByteBuffer.allocate(4 + 32).order(ByteOrder.LITTLE_ENDIAN);
        packet.put((byte) 32).put((byte) 0).put((byte) 0).put((byte) 1);
        packet.putInt(CLIENT_PROTOCOL_41 | CLIENT_SSL | CLIENT_SECURE_CONNECTION);
        packet.putInt(1 << 24);
        packet.put((byte) 33); // utf8_general_ci; nothing is ever sent in it
        return packet.array();
    }

    private static String nulTerminated(ByteBuffer packet) {
        int start = packet.position();
        while (packet.hasRemaining() && packet.get() != 0) {
            // scan to the NUL
        }
        int end = packet.position() - (packet.position() > start && packet.get(packet.position() - 1) == 0 ? 1 : 0);
        return new String(packet.array(), start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** An ERR packet: code (2), optionally '#' and a 5-character SQL state, then the message. */
    private static String errorText(ByteBuffer packet) {
        int code = packet.remaining() >= 2 ? packet.getShort() & 0xffff : 0;
        if (packet.remaining() >= 6 && packet.get(packet.position()) == '#') {
            packet.position(packet.position() + 6);
        }
        byte[] message = new byte[packet.remaining()];
        packet.get(message);
        return "error " + code + " " + Quoted.of(message);
    }
}
