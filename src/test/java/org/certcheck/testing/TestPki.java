package org.certcheck.testing;

import java.time.Duration;
import java.time.Instant;

import org.certcheck.pki.HeldCertificate;

/**
 * A corporate PKI for tests, minted relative to a fixed instant: a root, an issuing intermediate
 * under it, and builders for leaves with every defect on purpose.
 */
public final class TestPki {
    public final Instant now;
    public final HeldCertificate root;
    public final HeldCertificate intermediate;

    public TestPki(Instant now) {
        this.now = now;
        this.root = HeldCertificate.builder(now).organization("Test Corp").commonName("Test Root CA")
                .validFor(Duration.ofDays(-365), Duration.ofDays(3650)).certificateAuthority(1).build();
        this.intermediate = HeldCertificate.builder(now).organization("Test Corp").commonName("Test Issuing CA")
                .validFor(Duration.ofDays(-300), Duration.ofDays(1825)).certificateAuthority(0).signedBy(root).build();
    }

    public TestPki() {
        this(Instant.now());
    }

    /** A leaf for {@code name} issued by the intermediate, valid 90 days from an hour ago. */
    public HeldCertificate.Builder leaf(String name) {
        return HeldCertificate.builder(now).commonName(name).addSubjectAltName(name).signedBy(intermediate);
    }

    /** A second, unrelated root with the same shape. */
    public static HeldCertificate otherRoot(Instant now) {
        return HeldCertificate.builder(now).commonName("Other Root CA").certificateAuthority(1).build();
    }
}
