package org.certcheck.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.demo.RevocationServer;
import org.certcheck.demo.TlsServer;
import org.certcheck.pki.CrlBuilder;
import org.certcheck.pki.HeldCertificate;

/**
 * A corporate PKI whose certificates point at a real OCSP responder and a real CRL server on
 * loopback: the intermediate names the root's CRL; leaves name what each test asks for. Both
 * servers start good (every certificate good, CRLs current and empty). Close it to stop them.
 */
public class RevocationPki implements AutoCloseable {
    public static final String ISSUING_CRL = "/issuing.crl";
    public static final String ROOT_CRL = "/root.crl";

    public final Instant now;
    public final HeldCertificate root;
    public final HeldCertificate intermediate;
    public final RevocationServer crlServer;
    public final OcspResponder responder;
    private final List<TlsServer> servers = new ArrayList<>();

    public RevocationPki(Instant now) throws Exception {
        this.now = now;
        this.root = HeldCertificate.builder(now).organization("Test Corp").commonName("Test Root CA")
                .validFor(Duration.ofDays(-365), Duration.ofDays(3650)).certificateAuthority(1).build();
        this.crlServer = RevocationServer.start(InetAddress.getLoopbackAddress());
        this.intermediate = HeldCertificate.builder(now).organization("Test Corp").commonName("Test Issuing CA")
                .validFor(Duration.ofDays(-300), Duration.ofDays(1825)).certificateAuthority(0)
                .crlDistributionPoint(crlServer.url(ROOT_CRL)).signedBy(root).build();
        this.responder = OcspResponder.start(OcspResponses.by(intermediate, now));
        crlServer.publishCrl(ROOT_CRL, CrlBuilder.issuedBy(root, now).build());
        crlServer.publishCrl(ISSUING_CRL, CrlBuilder.issuedBy(intermediate, now).build());
    }

    /** A leaf under the intermediate with no revocation pointers; add them with the builder. */
    public HeldCertificate.Builder leaf(String name) {
        return HeldCertificate.builder(now).commonName(name).addSubjectAltName(name).signedBy(intermediate);
    }

    /** A leaf naming the OCSP responder in its authorityInfoAccess. */
    public HeldCertificate.Builder leafWithOcsp(String name) {
        return leaf(name).ocspResponder(responder.url());
    }

    /** A leaf naming the intermediate's CRL in its cRLDistributionPoints. */
    public HeldCertificate.Builder leafWithCrl(String name) {
        return leaf(name).crlDistributionPoint(crlServer.url(ISSUING_CRL));
    }

    /** Publishes a new CRL of the intermediate. */
    public void publishIssuingCrl(CrlBuilder crl) {
        crlServer.publishCrl(ISSUING_CRL, crl.build());
    }

    /**
     * Serves {@code leaf} with the intermediate on a loopback TLS server that {@link #close()} stops;
     * returns the target {@code host:port} for {@code host} (a name the test JVM's hosts file maps to
     * loopback).
     */
    public String serve(HeldCertificate leaf, String host) throws IOException {
        TlsServer server = TlsServer.start(InetAddress.getLoopbackAddress(),
                List.of(leaf.certificate(), intermediate.certificate()), leaf.privateKey());
        servers.add(server);
        return host + ":" + server.port();
    }

    @Override
    public void close() {
        for (TlsServer server : servers) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop a test server", e);
            }
        }
        responder.close();
        crlServer.close();
    }
}
