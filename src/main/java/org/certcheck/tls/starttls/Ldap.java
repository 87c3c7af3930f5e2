package org.certcheck.tls.starttls;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;

import org.certcheck.net.Conversation;
import org.certcheck.net.Quoted;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.certcheck.input.Target;

/**
 * LDAP's StartTLS extended operation (RFC 4511 section 4.14, RFC 4513 section 3): an
 * ExtendedRequest with the name 1.3.6.1.4.1.1466.20037; the server's ExtendedResponse must carry
 * resultCode success (0) before TLS starts.
 */
final class Ldap implements StartTls {
    /**
     * LDAPMessage { messageID 1, [APPLICATION 23] ExtendedRequest { [0] "1.3.6.1.4.1.1466.20037" } },
     * BER with LDAP's implicit tags (RFC 4511 section 4.12). Fixed bytes: there is nothing to vary.
     */
    private static final byte[] START_TLS_REQUEST = concat(new byte[] {0x30, 0x1d, 0x02, 0x01, 0x01, 0x77, 0x18,
        (byte) 0x80, 0x16}, "1.3.6.1.4.1.1466.20037".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final int EXTENDED_RESPONSE = 24;
    /** A StartTLS response is a few dozen bytes; referrals and messages stay far below this. */
    private static final int MAX_MESSAGE = 16 * 1024;
    private static final Map<Integer, String> RESULTS = Map.of(1, "operationsError", 2, "protocolError",
            12, "unavailableCriticalExtension", 13, "confidentialityRequired", 50, "insufficientAccessRights",
            51, "busy", 52, "unavailable", 53, "unwillingToPerform", 80, "other");

    @Override
    public void negotiate(Conversation conversation, Target target) throws IOException {
        conversation.send(START_TLS_REQUEST);
        byte[] message = readMessage(conversation);
        int messageId;
        int result;
        String diagnostic;
        try {
            ASN1Sequence response = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(message));
            messageId = ASN1Integer.getInstance(response.getObjectAt(0)).intValueExact();
            ASN1TaggedObject op = ASN1TaggedObject.getInstance(response.getObjectAt(1));
            if (op.getTagClass() != BERTags.APPLICATION || op.getTagNo() != EXTENDED_RESPONSE) {
                throw new StartTlsRefused("the LDAP server answered StartTLS with operation [APPLICATION "
                        + op.getTagNo() + "], not an ExtendedResponse");
            }
            ASN1Sequence operation = ASN1Sequence.getInstance(op.getBaseUniversal(false, BERTags.SEQUENCE));
            result = ASN1Enumerated.getInstance(operation.getObjectAt(0)).getValue()
                    .min(BigInteger.valueOf(1 << 20)).intValue();
            diagnostic = operation.size() > 2 ? text(operation.getObjectAt(2)) : "";
        } catch (StartTlsRefused refused) {
            throw refused;
        } catch (IOException | RuntimeException e) {
            throw new StartTlsRefused("the server's answer " + Quoted.of(message) + " is not an LDAP StartTLS"
                    + " response" + conversation.notThisProtocol());
        }
        if (messageId == 0) {
            throw new StartTlsRefused("the LDAP server sent an unsolicited notice instead of answering StartTLS"
                    + " (result " + describe(result) + ")" + (diagnostic.isEmpty() ? "" : ": " + Quoted.of(diagnostic)));
        }
        if (result != 0) {
            throw new StartTlsRefused("the LDAP server refused StartTLS with result " + describe(result)
                    + (diagnostic.isEmpty() ? "" : ": " + Quoted.of(diagnostic)));
        }
    }

    /** One BER-encoded LDAPMessage: a SEQUENCE tag, a definite length, the contents. */
    private static byte[] readMessage(Conversation conversation) throws IOException {
        byte[] head = conversation.readExactly(2);
        if (head[0] != 0x30) {
            throw new StartTlsRefused("the server answered StartTLS with " + Quoted.of(head)
                    + ", not an LDAP message" + conversation.notThisProtocol());
        }
        int length = head[1] & 0xff;
        byte[] lengthBytes = new byte[0];
        if (length > 0x80 && length <= 0x83) {
            lengthBytes = conversation.readExactly(length - 0x80);
            length = 0;
            for (byte b : lengthBytes) {
                length = length << 8 | (b & 0xff);
            }
        } else if (length >= 0x80) {
            throw new StartTlsRefused("the LDAP server's answer has an unsupported length form " + Quoted.of(head));
        }
        if (length > MAX_MESSAGE) {
            throw new StartTlsRefused("the LDAP server's answer to StartTLS claims " + length + " bytes");
        }
        return concat(concat(head, lengthBytes), conversation.readExactly(length));
    }

    private static String describe(int result) {
        return result + (RESULTS.containsKey(result) ? " (" + RESULTS.get(result) + ")" : "");
    }

    private static String text(ASN1Encodable value) {
        return value instanceof ASN1OctetString octets
                ? new String(octets.getOctets(), java.nio.charset.StandardCharsets.ISO_8859_1) : "";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
