package org.certcheck.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.asn1.x509.KeyPurposeId;

import org.certcheck.finding.FindingCode;
import org.certcheck.input.Target;
import org.certcheck.net.Resolver;
import org.certcheck.pki.CrlBuilder;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.report.Status;

/**
 * The built-in demo: a throwaway corporate PKI and one real TLS server on loopback per kind of
 * problem, each a target named {@code <case>.demo.test}. Nothing leaves the machine: the demo's
 * resolver maps {@code *.demo.test} to 127.0.0.1 and knows no other name, and the CA's CRLs are
 * served over HTTP from 127.0.0.1 too.
 */
public final class DemoFleet implements AutoCloseable {
    private static final String DOMAIN = ".demo.test";

    /** One demo target and the verdict it was built to get. */
    public record Case(Target target, String shows, Status expected, Optional<FindingCode> expectedCode) {
    }

    private static final String ROOT_CRL = "/root.crl";
    private static final String ISSUING_CRL = "/issuing.crl";

    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private final Instant now;
    private final HeldCertificate root;
    private final HeldCertificate issuing;
    /** The CA's web server: publishes both CRLs, so every certificate's revocation status is checked. */
    private final RevocationServer crls;
    /** The servers, and the port held closed for the "refused" case. */
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final List<Case> cases = new ArrayList<>();

    private DemoFleet(Instant now, RevocationServer crls) {
        this.now = now;
        this.crls = crls;
        this.root = HeldCertificate.builder(now).organization("certcheck demo").commonName("Demo Corp Root CA")
                .validFor(Duration.ofDays(-365), Duration.ofDays(3650)).certificateAuthority(1).build();
        this.issuing = HeldCertificate.builder(now).organization("certcheck demo").commonName("Demo Corp Issuing CA")
                .validFor(Duration.ofDays(-300), Duration.ofDays(1825)).certificateAuthority(0)
                .crlDistributionPoint(crls.url(ROOT_CRL)).signedBy(root).build();
    }

    /** Mints the PKI relative to {@code now} and starts every server. */
    public static DemoFleet start(Instant now) throws IOException {
        DemoFleet fleet = new DemoFleet(now, RevocationServer.start(InetAddress.getLoopbackAddress()));
        try {
            fleet.startAll();
        } catch (IOException | RuntimeException e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    /** The demo's only trust anchor. */
    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    public List<Case> cases() {
        return List.copyOf(cases);
    }

    /** Resolves {@code *.demo.test} to loopback and fails every other name, like a missing DNS entry. */
    public Resolver resolver() {
        return host -> {
            if (host.toLowerCase(Locale.ROOT).endsWith(DOMAIN)) {
                return List.of(loopback);
            }
            throw new UnknownHostException(host);
        };
    }

    private void startAll() throws IOException {
        HeldCertificate revoked = leaf("revoked").build();
        crls.publishCrl(ROOT_CRL, CrlBuilder.issuedBy(root, now).build());
        crls.publishCrl(ISSUING_CRL, CrlBuilder.issuedBy(issuing, now).revoke(revoked).build());
        serve("good", "a valid certificate from the corporate CA", Status.PASS, null,
                leaf("good").build(), true);
        serve("expired", "expired three days ago", Status.FAIL, FindingCode.CERT_EXPIRED,
                leaf("expired").validFor(Duration.ofDays(-93), Duration.ofDays(90)).build(), true);
        serve("not-yet-valid", "valid only from next week", Status.FAIL, FindingCode.CERT_NOT_YET_VALID,
                leaf("not-yet-valid").validFor(Duration.ofDays(7), Duration.ofDays(90)).build(), true);
        serve("expiring", "expires in 12 days (warning below 30)", Status.WARN, FindingCode.CERT_EXPIRES_SOON,
                leaf("expiring").validFor(Duration.ofDays(-78), Duration.ofDays(90)).build(), true);
        serve("wrong-host", "issued for another name", Status.FAIL, FindingCode.HOST_MISMATCH,
                leaf("intranet").build(), true);
        serve("deep.wildcard", "*.demo.test does not cover two labels", Status.FAIL, FindingCode.HOST_MISMATCH,
                issued("wildcard").addSubjectAltName("*" + DOMAIN).build(), true);
        serve("no-san", "no subjectAltName, only a CN", Status.FAIL, FindingCode.HOST_NO_SAN,
                issued("no-san" + DOMAIN).build(), true);
        serve("expired-wrong-host", "expired and for another name: both reported", Status.FAIL,
                FindingCode.CERT_EXPIRED,
                leaf("elsewhere").validFor(Duration.ofDays(-400), Duration.ofDays(365)).build(), true);
        serve("client-only", "extendedKeyUsage allows clientAuth only", Status.FAIL, FindingCode.CERT_PURPOSE,
                leaf("client-only").extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).build(), true);
        serve("revoked", "listed on the CA's CRL (key compromise)", Status.FAIL, FindingCode.REVOCATION_REVOKED,
                revoked, true);
        serve("must-staple", "demands a stapled OCSP response the server does not send", Status.FAIL,
                FindingCode.REVOCATION_MUST_STAPLE, leaf("must-staple").mustStaple().build(), true);
        HeldCertificate selfSigned = HeldCertificate.builder(now).commonName("self-signed" + DOMAIN)
                .addSubjectAltName("self-signed" + DOMAIN).build();
        serve("self-signed", "a self-signed certificate", Status.FAIL, FindingCode.CHAIN_SELF_SIGNED,
                List.of(selfSigned.certificate()), selfSigned);
        HeldCertificate otherRoot = HeldCertificate.builder(now).commonName("Some Other Root CA")
                .certificateAuthority(0).build();
        HeldCertificate foreign = HeldCertificate.builder(now).commonName("unknown-root" + DOMAIN)
                .addSubjectAltName("unknown-root" + DOMAIN).signedBy(otherRoot).build();
        serve("unknown-root", "chains to a root that is not trusted", Status.FAIL, FindingCode.CHAIN_UNTRUSTED,
                List.of(foreign.certificate(), otherRoot.certificate()), foreign);
        serve("incomplete", "the server forgot to send its intermediate", Status.FAIL, FindingCode.CHAIN_INCOMPLETE,
                leaf("incomplete").build(), false);
        HeldCertificate notCa = HeldCertificate.builder(now).commonName("Rogue Issuer (not a CA)").signedBy(issuing)
                .build();
        HeldCertificate underNotCa = HeldCertificate.builder(now).commonName("bad-intermediate" + DOMAIN)
                .addSubjectAltName("bad-intermediate" + DOMAIN).signedBy(notCa).build();
        serve("bad-intermediate", "issued by a certificate that is not a CA", Status.FAIL, FindingCode.CHAIN_NOT_CA,
                List.of(underNotCa.certificate(), notCa.certificate(), issuing.certificate()), underNotCa);

        HeldCertificate ipLeaf = issued("127.0.0.1").addIpAddress("127.0.0.1").build();
        TlsServer ipServer = TlsServer.start(loopback, List.of(ipLeaf.certificate(), issuing.certificate()),
                ipLeaf.privateKey());
        servers.add(ipServer);
        cases.add(new Case(new Target("127.0.0.1", ipServer.port(), "demo"), "an IP address in the SAN",
                Status.PASS, Optional.empty()));

        RefusedPort refused = RefusedPort.reserve(loopback);
        servers.add(refused);
        cases.add(new Case(target("unreachable", refused.port()), "nothing listens on the port",
                Status.UNKNOWN, Optional.of(FindingCode.PROBE_REFUSED)));
        TlsServer http = TlsServer.plainHttp(loopback);
        servers.add(http);
        cases.add(new Case(target("not-tls", http.port()), "plain HTTP where TLS was expected", Status.UNKNOWN,
                Optional.of(FindingCode.PROBE_NOT_TLS)));
        TlsServer silent = TlsServer.silent(loopback);
        servers.add(silent);
        cases.add(new Case(target("silent", silent.port()), "accepts TCP, never answers: handshake timeout",
                Status.UNKNOWN, Optional.of(FindingCode.PROBE_HANDSHAKE_TIMEOUT)));
        cases.add(new Case(new Target("no-such-host.invalid", 443, "demo"), "a name DNS does not know",
                Status.UNKNOWN, Optional.of(FindingCode.PROBE_DNS)));
    }

    private HeldCertificate.Builder leaf(String name) {
        return issued(name + DOMAIN).addSubjectAltName(name + DOMAIN);
    }

    private HeldCertificate.Builder issued(String commonName) {
        return HeldCertificate.builder(now).commonName(commonName).crlDistributionPoint(crls.url(ISSUING_CRL))
                .signedBy(issuing);
    }

    private void serve(String name, String shows, Status expected, FindingCode code, HeldCertificate leaf,
                       boolean sendIntermediate) throws IOException {
        List<X509Certificate> chain = sendIntermediate
                ? List.of(leaf.certificate(), issuing.certificate()) : List.of(leaf.certificate());
        serve(name, shows, expected, code, chain, leaf);
    }

    private void serve(String name, String shows, Status expected, FindingCode code, List<X509Certificate> chain,
                       HeldCertificate leaf) throws IOException {
        TlsServer server = TlsServer.start(loopback, chain, leaf.privateKey());
        servers.add(server);
        cases.add(new Case(target(name, server.port()), shows, expected, Optional.ofNullable(code)));
    }

    private static Target target(String name, int port) {
        return new Target(name + DOMAIN, port, "demo");
    }

    @Override
    public void close() {
        crls.close();
        for (AutoCloseable server : servers) {
            try {
                server.close();
            } catch (Exception e) {
                // Shutting down a loopback demo server cannot fail in a way worth reporting.
            }
        }
    }
}
