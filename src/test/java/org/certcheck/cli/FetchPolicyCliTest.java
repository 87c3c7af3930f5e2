package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.demo.TlsServer;
import org.certcheck.net.Resolver;
import org.certcheck.pki.CrlBuilder;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.RevocationPki;
import org.certcheck.testing.ServerContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The fetch policy through the command line (issue 14 item 5). Loopback stands in for the addresses
 * a hostile certificate would name (169.254.169.254 is never contacted): the default policy refuses
 * loopback as it refuses link-local, so a certificate whose OCSP, CRL and caIssuers URLs point at
 * 127.0.0.1 shows what a certificate pointing at the metadata service would.
 */
class FetchPolicyCliTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String REFUSED_LOOPBACK = "not fetched: 127.0.0.1 is a loopback address (this machine's own"
            + " services), which --fetch-policy intranet refuses; to fetch from it anyway add --fetch-allow 127.0.0.1";

    private RevocationPki pki;
    private Path rootPem;
    private final List<AutoCloseable> servers = new ArrayList<>();

    @TempDir
    Path temp;

    @BeforeEach
    void start() throws Exception {
        pki = new RevocationPki(NOW);
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
        pki.close();
    }

    private String serve(HeldCertificate leaf) throws Exception {
        return pki.serve(leaf, "good.test");
    }

    private CliRun check(String target, String... options) {
        List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "--revocation-timeout", "2s", "-o",
                "json"));
        args.addAll(List.of(options));
        args.add(target);
        return CliRun.run(Clock.fixed(NOW, ZoneOffset.UTC), Resolver.SYSTEM, args.toArray(String[]::new));
    }

    private static List<String> problems(CliRun run, String target) {
        List<String> all = new ArrayList<>();
        run.target(target).get("revocation").get("certificates").forEach(c -> c.get("problems")
                .forEach(p -> all.add(p.asText())));
        return all;
    }

    @Test
    void loopbackRevocationUrlsAreRefusedByDefaultAndNothingIsSent() throws Exception {
        String target = serve(pki.leafWithOcsp("good.test").crlDistributionPoint(
                pki.crlServer.url(RevocationPki.ISSUING_CRL)).build());

        CliRun run = check(target);

        JsonNode result = run.target(target);
        assertThat(result.get("status").asText()).as(run.out()).isEqualTo("WARN");
        assertThat(result.get("findings").findValuesAsText("code")).contains("revocation.unknown");
        assertThat(problems(run, target)).contains("OCSP " + pki.responder.url() + ": " + REFUSED_LOOPBACK,
                "CRL " + pki.crlServer.url(RevocationPki.ISSUING_CRL) + ": " + REFUSED_LOOPBACK);
        assertThat(run.out()).doesNotContain("HTTP 404", "HTTP 200");
        assertThat(pki.responder.requests()).isZero();
        assertThat(pki.crlServer.requests(RevocationPki.ISSUING_CRL)).isZero();
        assertThat(pki.crlServer.requests(RevocationPki.ROOT_CRL)).isZero();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void fetchAllowAdmitsTheLoopbackStandIn() throws Exception {
        String target = serve(pki.leafWithOcsp("good.test").build());

        CliRun run = check(target, "--fetch-allow", "127.0.0.1", "--revocation", "hard");

        assertThat(run.target(target).get("status").asText()).as(run.out()).isEqualTo("PASS");
        assertThat(run.target(target).get("revocation").get("status").asText()).isEqualTo("good");
        assertThat(pki.responder.requests()).isPositive();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aNameIsJudgedByTheAddressItResolvesToAndFetchedAtThatAddress() throws Exception {
        String named = pki.responder.url().replace("127.0.0.1", "good.test");
        String target = serve(pki.leaf("good.test").ocspResponder(named).build());

        CliRun refused = check(target);
        CliRun allowed = check(target, "--fetch-allow", "127.0.0.0/8");

        assertThat(problems(refused, target)).contains("OCSP " + named + ": not fetched: good.test is 127.0.0.1, a"
                + " loopback address (this machine's own services), which --fetch-policy intranet refuses; to fetch"
                + " from it anyway add --fetch-allow good.test");
        assertThat(allowed.target(target).get("revocation").get("status").asText()).as(allowed.out())
                .isEqualTo("good");
        assertThat(allowed.target(target).get("revocation").get("certificates").get(0).get("url").asText())
                .isEqualTo(named);
    }

    @Test
    void aRedirectToARefusedAddressIsNotFollowed() throws Exception {
        HttpServer redirector = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        String crl = pki.crlServer.url(RevocationPki.ISSUING_CRL);
        redirector.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Location", crl);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirector.start();
        servers.add(() -> redirector.stop(0));
        int port = redirector.getAddress().getPort();
        String target = serve(pki.leaf("good.test").crlDistributionPoint("http://127.0.0.1:" + port + "/crl").build());

        CliRun run = check(target, "--fetch-allow", "127.0.0.1:" + port);

        assertThat(problems(run, target)).contains("CRL http://127.0.0.1:" + port + "/crl: " + REFUSED_LOOPBACK);
        assertThat(pki.crlServer.requests(RevocationPki.ISSUING_CRL)).isZero();
    }

    @Test
    void policyNoneFetchesNothingAndPolicyAnyFetchesEverything() throws Exception {
        String target = serve(pki.leafWithOcsp("good.test").build());

        CliRun none = check(target, "--fetch-policy", "none");
        assertThat(problems(none, target)).contains("OCSP " + pki.responder.url() + ": not fetched: --fetch-policy none"
                + " fetches nothing that --fetch-allow does not name; to fetch from this host add --fetch-allow 127.0.0.1");
        assertThat(pki.responder.requests()).isZero();

        CliRun any = check(target, "--fetch-policy", "any");
        assertThat(any.target(target).get("status").asText()).as(any.out()).isEqualTo("PASS");
    }

    @Test
    void caIssuersUrlIsJudgedByThePolicyToo() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        byte[] der = pki.intermediate.certificate().getEncoded();
        int[] requests = {0};
        http.createContext("/issuing.crt", exchange -> {
            requests[0]++;
            exchange.sendResponseHeaders(200, der.length);
            exchange.getResponseBody().write(der);
            exchange.close();
        });
        http.start();
        servers.add(() -> http.stop(0));
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/issuing.crt";
        HeldCertificate leaf = pki.leaf("good.test").caIssuersUrl(url).build();
        TlsServer server = TlsServer.start(LOOPBACK, List.of(leaf.certificate()), leaf.privateKey());
        servers.add(server);

        CliRun run = check("good.test:" + server.port(), "--revocation", "off");

        JsonNode finding = run.target("good.test:" + server.port()).get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("chain.incomplete");
        assertThat(finding.get("message").asText()).as(run.out()).contains(REFUSED_LOOPBACK);
        assertThat(requests[0]).isZero();
    }

    @Test
    void httpsCrlIsVerifiedWithTheCaAnchorsAndItsHostName() throws Exception {
        HeldCertificate crlHost = pki.leaf("good.test").build();
        HeldCertificate wrongHost = pki.leaf("wrong.test").build();
        String right = httpsCrlServer(crlHost);
        String wrong = httpsCrlServer(wrongHost);
        pki.publishIssuingCrl(CrlBuilder.issuedBy(pki.intermediate, NOW));

        String good = serve(pki.leaf("good.test").crlDistributionPoint(right).build());
        CliRun run = check(good, "--fetch-allow", "127.0.0.1", "--revocation", "hard");
        assertThat(run.target(good).get("status").asText()).as(run.out()).isEqualTo("PASS");
        assertThat(run.target(good).get("revocation").get("certificates").get(0).get("source").asText())
                .isEqualTo("crl");

        String mismatched = serve(pki.leaf("good.test").crlDistributionPoint(wrong).build());
        CliRun refused = check(mismatched, "--fetch-allow", "127.0.0.1", "--revocation", "hard");
        assertThat(refused.target(mismatched).get("status").asText()).as(refused.out()).isEqualTo("FAIL");
        assertThat(problems(refused, mismatched).get(0)).startsWith("CRL " + wrong + ": ")
                .isEqualTo("CRL " + wrong + ": the https server is not verified (No subject alternative DNS name"
                        + " matching good.test found.): its certificate must name the URL's host and chain to a --ca"
                        + " anchor or a CA the JVM trusts");
    }

    @Test
    void httpsUrlsAreJudgedToo() throws Exception {
        HeldCertificate crlHost = pki.leaf("good.test").build();
        String byName = httpsCrlServer(crlHost);
        String byAddress = byName.replace("good.test", "127.0.0.1");
        String named = serve(pki.leaf("good.test").crlDistributionPoint(byName).build());
        String literal = serve(pki.leaf("good.test").crlDistributionPoint(byAddress).build());

        CliRun run = check(named);
        CliRun literalRun = check(literal);

        assertThat(problems(run, named)).as("judged on the connected socket").contains("CRL " + byName
                + ": not fetched: good.test is 127.0.0.1, a loopback address (this machine's own services), which"
                + " --fetch-policy intranet refuses; to fetch from it anyway add --fetch-allow good.test");
        assertThat(problems(literalRun, literal)).contains("CRL " + byAddress + ": " + REFUSED_LOOPBACK);
    }

    /** An https:// CRL server on loopback for good.test, its certificate issued by the test CA. */
    private String httpsCrlServer(HeldCertificate certificate) throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ServerContexts.serving(certificate, pki.intermediate)));
        byte[] crl = CrlBuilder.issuedBy(pki.intermediate, NOW).build();
        https.createContext("/issuing.crl", exchange -> {
            exchange.sendResponseHeaders(200, crl.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(crl);
            }
        });
        https.start();
        servers.add(() -> https.stop(0));
        return "https://good.test:" + https.getAddress().getPort() + "/issuing.crl";
    }

    @Test
    void badFetchOptionsAreUsageErrors() {
        CliRun badNetwork = CliRun.run("--fetch-allow", "10.0.0.0/40", "good.test:1");
        assertThat(badNetwork.exitCode()).isEqualTo(2);
        assertThat(badNetwork.err()).contains("--fetch-allow \"10.0.0.0/40\": prefix length \"40\" out of range (0-32)");

        CliRun badPolicy = CliRun.run("--fetch-policy", "sometimes", "good.test:1");
        assertThat(badPolicy.exitCode()).isEqualTo(2);
        assertThat(badPolicy.err()).contains("\"sometimes\" is not a fetch policy: give intranet, public, any or none");
    }

    @Test
    void helpNamesTheDefaultAndWhy() {
        CliRun help = CliRun.run("--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("--fetch-policy=POLICY", "intranet (default:",
                "169.254.169.254 is never asked", "--fetch-allow=HOST[:PORT]|CIDR");
    }
}
