package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.NginxServer;
import org.certcheck.testing.NginxServer.Site;
import org.certcheck.testing.OcspResponses;
import org.certcheck.testing.RevocationPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * certcheck against nginx from Debian's packages, configured as operators configure it: name-based
 * virtual hosts on one port, one of them without its intermediate, one stapling OCSP from a file,
 * and the default server answering a name it does not know.
 */
class NginxInteropTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path temp;

    private RevocationPki pki;
    private Path rootPem;
    private NginxServer nginx;

    @BeforeEach
    void start() throws Exception {
        pki = new RevocationPki(NOW);
        rootPem = Files.writeString(temp.resolve("root.pem"), pki.root.certificatePem());
        HeldCertificate good = pki.leaf("good.test").build();
        HeldCertificate withoutIntermediate = pki.leaf("server.test").build();
        HeldCertificate mustStaple = pki.leafWithOcsp("www.test").mustStaple().build();
        Path staple = Files.write(temp.resolve("www.ocsp.der"), OcspResponses.by(pki.intermediate, NOW).about(mustStaple));
        nginx = NginxServer.start(temp, List.of(
                new Site("good.test", List.of(good, pki.intermediate), ""),
                new Site("server.test", List.of(withoutIntermediate), ""),
                new Site("www.test", List.of(mustStaple, pki.intermediate),
                        "ssl_stapling on; ssl_stapling_file " + staple + ";")));
    }

    @AfterEach
    void stop() {
        if (nginx != null) {
            nginx.close();
        }
        if (pki != null) {
            pki.close();
        }
    }

    private CliRun check(String... hosts) {
        List<String> args = new ArrayList<>(List.of("--ca", rootPem.toString(), "-o", "json", "--fetch-allow", "127.0.0.1"));
        for (String host : hosts) {
            args.add(host + ":" + nginx.port());
        }
        return CliRun.run(Clock.fixed(NOW, ZoneOffset.UTC), Resolver.SYSTEM, args.toArray(String[]::new));
    }

    private static List<String> codes(JsonNode target) {
        return target.get("findings").findValuesAsText("code");
    }

    @Test
    void eachVirtualHostIsJudgedByTheCertificateNginxSendsForItsName() {
        CliRun run = check("good.test", "server.test", "www.test", "wrong.test");

        JsonNode good = run.target("good.test:" + nginx.port());
        assertThat(good.get("status").asText()).as("%s\nnginx said:\n%s", run.out(), nginx.log()).isEqualTo("PASS");

        JsonNode incomplete = run.target("server.test:" + nginx.port());
        assertThat(incomplete.get("status").asText()).isEqualTo("FAIL");
        assertThat(codes(incomplete)).contains("chain.incomplete");

        JsonNode stapled = run.target("www.test:" + nginx.port());
        assertThat(stapled.get("status").asText()).as(run.out()).isEqualTo("PASS");
        assertThat(stapled.get("revocation").get("certificates").get(0).get("source").asText()).isEqualTo("stapled");

        JsonNode unknownName = run.target("wrong.test:" + nginx.port());
        assertThat(unknownName.get("status").asText()).isEqualTo("FAIL");
        assertThat(unknownName.get("findings")).filteredOn(f -> f.get("code").asText().equals("host.mismatch"))
                .singleElement().satisfies(f -> assertThat(f.get("message").asText())
                        .startsWith("certificate is valid for DNS:good.test, not for wrong.test"));

        assertThat(run.exitCode()).isEqualTo(1);
    }
}
