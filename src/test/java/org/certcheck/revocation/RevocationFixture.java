package org.certcheck.revocation;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Severity;
import org.certcheck.input.Target;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.RevocationPki;
import org.certcheck.tls.Handshake;
import org.certcheck.validate.CertificatePath;

/**
 * A corporate PKI whose certificates point at a real OCSP responder and a real CRL server on
 * loopback, and a way to check a path against them as a run would.
 */
final class RevocationFixture extends RevocationPki {
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    RevocationFixture() throws Exception {
        super(NOW);
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
}
