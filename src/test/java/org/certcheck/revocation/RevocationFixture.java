package org.certcheck.revocation;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.certcheck.demo.RevocationServer;
import org.certcheck.input.Target;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.OcspResponder;
import org.certcheck.testing.OcspResponses;
import org.certcheck.tls.Handshake;
import org.certcheck.validate.CertificatePath;
import org.certcheck.validate.Finding;
import org.certcheck.validate.FindingCode;
import org.certcheck.validate.Severity;

/**
 * A corporate PKI whose certificates point at a real OCSP responder and a real CRL server on
 * loopback, and a way to check a path against them as a run would.
 */
final class RevocationFixture implements AutoCloseable {
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final String ISSUING_CRL = "/issuing.crl";
    static final String ROOT_CRL = "/root.crl";

    final HeldCertificate root = HeldCertificate.builder(NOW).organization("Test Corp").commonName("Test Root CA")
            .validFor(Duration.ofDays(-365), Duration.ofDays(3650)).certificateAuthority(1).build();
    final RevocationServer crlServer;
    final OcspResponder responder;
    final HeldCertificate intermediate;

    RevocationFixture() throws Exception {
        crlServer = RevocationServer.start(InetAddress.getLoopbackAddress());
        this.intermediate = HeldCertificate.builder(NOW).organization("Test Corp").commonName("Test Issuing CA")
                .validFor(Duration.ofDays(-300), Duration.ofDays(1825)).certificateAuthority(0)
                .crlDistributionPoint(crlServer.url(ROOT_CRL)).signedBy(root).build();
        responder = OcspResponder.start(OcspResponses.by(intermediate, NOW));
        crlServer.publishCrl(ROOT_CRL, org.certcheck.pki.CrlBuilder.issuedBy(root, NOW).build());
        crlServer.publishCrl(ISSUING_CRL, org.certcheck.pki.CrlBuilder.issuedBy(intermediate, NOW).build());
    }

    /** A leaf under the intermediate with no revocation pointers; add them with the builder. */
    HeldCertificate.Builder leaf(String name) {
        return HeldCertificate.builder(NOW).commonName(name).addSubjectAltName(name).signedBy(intermediate);
    }

    HeldCertificate.Builder leafWithOcsp(String name) {
        return leaf(name).ocspResponder(responder.url());
    }

    HeldCertificate.Builder leafWithCrl(String name) {
        return leaf(name).crlDistributionPoint(crlServer.url(ISSUING_CRL));
    }

    static RevocationCheck check(RevocationMode mode) {
        return new RevocationCheck(mode, new HttpFetcher(Duration.ofSeconds(2)), List.of());
    }

    PathRevocation revocation(RevocationCheck check, HeldCertificate leaf, byte[]... stapled) {
        return revocation(check, leaf, intermediate, stapled);
    }

    PathRevocation revocation(RevocationCheck check, HeldCertificate leaf, HeldCertificate issuer, byte[]... stapled) {
        CertificatePath path = new CertificatePath(List.of(leaf.certificate(), issuer.certificate(), root.certificate()),
                Optional.of(root.certificate()));
        Handshake handshake = new Handshake(new Target("good.test", 443, "test"),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 443),
                List.of(leaf.certificate(), issuer.certificate()), "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                Optional.empty(), Duration.ZERO, List.of(stapled));
        return check.check(handshake, path, NOW).orElseThrow();
    }

    static List<FindingCode> codes(PathRevocation revocation) {
        return revocation.findings().stream().map(Finding::code).toList();
    }

    static Finding finding(PathRevocation revocation, FindingCode code) {
        return revocation.findings().stream().filter(f -> f.code() == code).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + revocation.findings()));
    }

    static Severity severity(PathRevocation revocation, FindingCode code) {
        return finding(revocation, code).severity();
    }

    @Override
    public void close() {
        responder.close();
        crlServer.close();
    }
}
