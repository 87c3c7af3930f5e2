package org.certcheck.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.certcheck.demo.RevocationServer;
import org.certcheck.demo.RevocationServer.Reply;

/**
 * An in-process OCSP responder on loopback (RFC 6960 over HTTP POST, appendix A.1): it answers each
 * request with what {@link #answerWith} says, by default good for everything, signed by the
 * issuer. Tests can make it fail: HTTP 500, garbage, any response they build.
 */
public final class OcspResponder implements AutoCloseable {
    public static final String PATH = "/ocsp";

    private final RevocationServer server;
    private final AtomicReference<Function<byte[], Reply>> behaviour = new AtomicReference<>();

    private OcspResponder(RevocationServer server, OcspResponses responses) {
        this.server = server;
        answerWith(responses);
        server.answer(PATH, request -> behaviour.get().apply(request));
    }

    /** A responder answering with {@code responses} (which name the issuer, signer and status). */
    public static OcspResponder start(OcspResponses responses) throws IOException {
        return new OcspResponder(RevocationServer.start(InetAddress.getLoopbackAddress()), responses);
    }

    /** From now on, answers with {@code responses}. */
    public void answerWith(OcspResponses responses) {
        Objects.requireNonNull(responses, "responses");
        behaviour.set(request -> {
            try {
                return Reply.ocsp(responses.about(OcspResponses.requested(request)));
            } catch (IOException e) {
                return Reply.ocsp(OcspResponses.error(org.bouncycastle.cert.ocsp.OCSPRespBuilder.MALFORMED_REQUEST));
            }
        });
    }

    /** From now on, answers every request with {@code reply}. */
    public void answerWith(Reply reply) {
        behaviour.set(request -> reply);
    }

    public String url() {
        return server.url(PATH);
    }

    public int requests() {
        return server.requests(PATH);
    }

    @Override
    public void close() {
        server.close();
    }
}
