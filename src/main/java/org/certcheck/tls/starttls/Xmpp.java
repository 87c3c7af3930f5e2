package org.certcheck.tls.starttls;

import java.io.IOException;

import org.certcheck.input.Target;
import org.certcheck.net.Conversation;
import org.certcheck.net.Quoted;

/**
 * XMPP client-to-server STARTTLS (RFC 6120 section 5.4): open a stream to the target's domain,
 * find {@code <starttls/>} among the stream features, send {@code <starttls/>}, expect
 * {@code <proceed/>}.
 *
 * <p>The server's XML is read tag by tag up to each {@code >}, never ahead: an XML parser would
 * read past {@code <proceed/>} into the TLS bytes that only come after our ClientHello, and wait.
 * Tags are matched by local name, whatever namespace prefix the server uses.
 */
final class Xmpp implements StartTls {
    private static final String TLS_NAMESPACE = "urn:ietf:params:xml:ns:xmpp-tls";
    private static final int MAX_TAG = 4096;
    /** Stream header and features take a handful of tags; a server sending more is not negotiating. */
    private static final int MAX_TAGS = 200;

    private int tags;

    @Override
    public void negotiate(Conversation conversation, Target target) throws IOException {
        conversation.send("<?xml version='1.0'?><stream:stream to='" + target.host() + "' version='1.0'"
                + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
        String tag = nextTag(conversation);
        if (tag.startsWith("<?")) {
            tag = nextTag(conversation);
        }
        if (!localName(tag).equals("stream")) {
            throw new StartTlsRefused("the server answered " + Quoted.of(tag) + ", not an XMPP stream"
                    + conversation.notThisProtocol());
        }
        boolean offered = false;
        while (true) {
            tag = nextTag(conversation);
            String name = localName(tag);
            if (name.equals("error")) {
                throw new StartTlsRefused("the XMPP server closed the stream with an error: " + Quoted.of(tag
                        + nextTag(conversation)));
            }
            if (name.equals("features")) {
                offered = !tag.endsWith("/>") && featuresOfferStartTls(conversation);
                break;
            }
        }
        if (!offered) {
            throw new StartTlsRefused("the XMPP server does not offer STARTTLS in its stream features");
        }
        conversation.send("<starttls xmlns='" + TLS_NAMESPACE + "'/>");
        tag = nextTag(conversation);
        if (!localName(tag).equals("proceed")) {
            throw new StartTlsRefused("the XMPP server refused STARTTLS: " + Quoted.of(tag));
        }
        if (!tag.endsWith("/>")) {
            nextTag(conversation); // </proceed>
        }
    }

    /** Reads the features up to {@code </features>}; true when one of them is {@code <starttls>}. */
    private boolean featuresOfferStartTls(Conversation conversation) throws IOException {
        boolean offered = false;
        while (true) {
            String tag = nextTag(conversation);
            if (tag.startsWith("</") && localName(tag).equals("features")) {
                return offered;
            }
            offered |= !tag.startsWith("</") && localName(tag).equals("starttls");
        }
    }

    /** The next tag, without the text before it (whitespace keep-alives, character data). */
    private String nextTag(Conversation conversation) throws IOException {
        if (++tags > MAX_TAGS) {
            throw new StartTlsRefused("the XMPP server sent more than " + MAX_TAGS + " tags without agreeing to"
                    + " start TLS");
        }
        String chunk = conversation.readThrough('>', MAX_TAG);
        int open = chunk.indexOf('<');
        if (open < 0) {
            throw new StartTlsRefused("the server sent " + Quoted.of(chunk) + ", not XML" + conversation.notThisProtocol());
        }
        return chunk.substring(open);
    }

    /** {@code <stream:features ...>} and {@code </stream:features>} are both "features". */
    static String localName(String tag) {
        int start = tag.startsWith("</") ? 2 : 1;
        int end = start;
        while (end < tag.length() && " \t\r\n/>".indexOf(tag.charAt(end)) < 0) {
            end++;
        }
        String name = tag.substring(start, end);
        return name.substring(name.indexOf(':') + 1);
    }
}
