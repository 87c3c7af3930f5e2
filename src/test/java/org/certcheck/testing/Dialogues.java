package org.certcheck.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.certcheck.testing.StartTlsServer.Dialogue;

/**
 * The server side of each STARTTLS preamble, as real servers speak it (greetings and replies
 * modelled on Postfix, Dovecot, vsftpd, OpenLDAP, PostgreSQL, MySQL 8 and Prosody), plus the
 * ways servers refuse. Each checks what the client sent and hangs up on anything unexpected.
 */
public final class Dialogues {
    private Dialogues() {
    }

    public static Dialogue smtp() {
        return smtp("250-STARTTLS\r\n", "220 2.0.0 Ready to start TLS\r\n");
    }

    /** An SMTP server whose EHLO reply lacks STARTTLS. */
    public static Dialogue smtpWithoutStartTls() {
        return smtp("", "502 5.5.1 command not recognized\r\n");
    }

    /** An SMTP server that offers STARTTLS and then refuses it. */
    public static Dialogue smtpRefusing() {
        return smtp("250-STARTTLS\r\n", "454 4.7.0 TLS not available due to local problem\r\n");
    }

    private static Dialogue smtp(String startTlsLine, String startTlsReply) {
        return plain -> {
            plain.send("220 mail.test ESMTP Postfix (Debian/GNU)\r\n");
            expect(plain.readLine(), "EHLO [");
            plain.send("250-mail.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n" + startTlsLine
                    + "250-ENHANCEDSTATUSCODES\r\n250 8BITMIME\r\n");
            expect(plain.readLine(), "STARTTLS");
            plain.send(startTlsReply);
            return startTlsReply.startsWith("220");
        };
    }

    public static Dialogue imap() {
        return plain -> {
            plain.send("* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS"
                    + " LOGINDISABLED] Dovecot (Debian) ready.\r\n");
            String tag = tagOf(plain.readLine(), "STARTTLS");
            plain.send(tag + " OK Begin TLS negotiation now.\r\n");
            return true;
        };
    }

    public static Dialogue imapRefusing() {
        return plain -> {
            plain.send("* OK IMAP4rev1 ready\r\n");
            String tag = tagOf(plain.readLine(), "STARTTLS");
            plain.send("* CAPABILITY IMAP4rev1\r\n" + tag + " BAD Unknown command\r\n");
            return false;
        };
    }

    public static Dialogue pop3() {
        return plain -> {
            plain.send("+OK Dovecot (Debian) ready.\r\n");
            expect(plain.readLine(), "STLS");
            plain.send("+OK Begin TLS negotiation now.\r\n");
            return true;
        };
    }

    public static Dialogue pop3Refusing() {
        return plain -> {
            plain.send("+OK POP3 ready\r\n");
            expect(plain.readLine(), "STLS");
            plain.send("-ERR Unknown command: STLS\r\n");
            return false;
        };
    }

    public static Dialogue ftp() {
        return plain -> {
            plain.send("220-Welcome to the test FTP service.\r\n  Authorised use only.\r\n220 (vsFTPd 3.0.3)\r\n");
            expect(plain.readLine(), "AUTH TLS");
            plain.send("234 Proceed with negotiation.\r\n");
            return true;
        };
    }

    public static Dialogue ftpRefusing() {
        return plain -> {
            plain.send("220 (vsFTPd 3.0.3)\r\n");
            expect(plain.readLine(), "AUTH TLS");
            plain.send("530 Please login with USER and PASS.\r\n");
            return false;
        };
    }

    /** Answers the StartTLS extended request with an ExtendedResponse of {@code resultCode}. */
    public static Dialogue ldap(int resultCode, String diagnostic) {
        return plain -> {
            byte[] head = plain.readExactly(2);
            byte[] request = plain.readExactly(head[1]);
            if (head[0] != 0x30 || !new String(request, StandardCharsets.ISO_8859_1).contains("1.3.6.1.4.1.1466.20037")) {
                throw new IOException("not a StartTLS request");
            }
            byte[] message = diagnostic.getBytes(StandardCharsets.US_ASCII);
            // LDAPMessage { 1, [APPLICATION 24] { ENUMERATED result, OCTET STRING "", OCTET STRING message } }
            int inner = 3 + 2 + 2 + message.length;
            ByteBuffer response = ByteBuffer.allocate(2 + 3 + 2 + inner);
            response.put((byte) 0x30).put((byte) (3 + 2 + inner));
            response.put(new byte[] {0x02, 0x01, 0x01});
            response.put((byte) 0x78).put((byte) inner);
            response.put(new byte[] {0x0a, 0x01, (byte) resultCode, 0x04, 0x00, 0x04, (byte) message.length});
            response.put(message);
            plain.send(response.array());
            return resultCode == 0;
        };
    }

    /** Answers SSLRequest with {@code answer}: {@code 'S'} to start TLS, {@code 'N'} to refuse. */
    public static Dialogue postgres(char answer) {
        return plain -> {
            ByteBuffer request = ByteBuffer.wrap(plain.readExactly(8));
            if (request.getInt() != 8 || request.getInt() != 80877103) {
                throw new IOException("not an SSLRequest");
            }
            plain.send(new byte[] {(byte) answer});
            return answer == 'S';
        };
    }

    /** A MySQL 8 greeting, with or without the CLIENT_SSL capability; then expects the SSLRequest. */
    public static Dialogue mysql(boolean offersTls) {
        return plain -> {
            byte[] version = "8.0.36\0".getBytes(StandardCharsets.US_ASCII);
            ByteBuffer payload = ByteBuffer.allocate(1 + version.length + 4 + 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10 + 13 + 22)
                    .order(ByteOrder.LITTLE_ENDIAN);
            payload.put((byte) 10).put(version).putInt(42).put("abcdefgh".getBytes(StandardCharsets.US_ASCII))
                    .put((byte) 0);
            int capabilities = offersTls ? 0xffff : 0xf7ff;
            payload.putShort((short) capabilities).put((byte) 255).putShort((short) 2).putShort((short) 0xdfff)
                    .put((byte) 21).put(new byte[10]).put("ijklmnopqrst\0".getBytes(StandardCharsets.US_ASCII))
                    .put("caching_sha2_password\0".getBytes(StandardCharsets.US_ASCII));
            int length = payload.position();
            plain.send(new byte[] {(byte) length, (byte) (length >> 8), 0, 0});
            plain.send(java.util.Arrays.copyOf(payload.array(), length));
            if (!offersTls) {
                return false;
            }
            ByteBuffer request = ByteBuffer.wrap(plain.readExactly(4 + 32)).order(ByteOrder.LITTLE_ENDIAN);
            if (request.get(0) != 32 || request.get(3) != 1 || (request.getInt(4) & 0x0800) == 0) {
                throw new IOException("not an SSLRequest packet");
            }
            return true;
        };
    }

    /** An XMPP server whose features offer STARTTLS (or not) and answer {@code <proceed/>} (or {@code <failure/>}). */
    public static Dialogue xmpp(boolean offers, boolean proceeds) {
        return plain -> {
            String declaration = plain.readThrough('>');
            String header = plain.readThrough('>');
            if (!declaration.startsWith("<?xml") || !header.startsWith("<stream:stream") || !header.contains("to='")) {
                throw new IOException("not an XMPP stream header: " + declaration + header);
            }
            plain.send("<?xml version='1.0'?><stream:stream xmlns='jabber:client' version='1.0' id='3f1c'"
                    + " from='chat.test' xmlns:stream='http://etherx.jabber.org/streams' xml:lang='en'>"
                    + "<stream:features>"
                    + (offers ? "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>" : "")
                    + "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms>"
                    + "</stream:features>");
            if (!offers) {
                return false;
            }
            expect(plain.readThrough('>'), "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'");
            plain.send(proceeds ? "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"
                    : "<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:stream>");
            return proceeds;
        };
    }

    /** Says {@code text} at once and then waits: a server of another protocol, or a hostile one. */
    public static Dialogue says(String text) {
        return plain -> {
            plain.send(text);
            plain.readLine();
            return false;
        };
    }

    private static void expect(String line, String start) throws IOException {
        if (!line.startsWith(start)) {
            throw new IOException("expected " + start + ", got " + line);
        }
    }

    private static String tagOf(String line, String command) throws IOException {
        String[] words = line.split(" ");
        if (words.length != 2 || !words[1].equals(command)) {
            throw new IOException("expected a tagged " + command + ", got " + line);
        }
        return words[0];
    }
}
