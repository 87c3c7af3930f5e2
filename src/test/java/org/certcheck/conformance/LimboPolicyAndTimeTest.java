package org.certcheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.certcheck.finding.Finding;
import org.certcheck.validate.CertificatePath;
import org.certcheck.validate.PolicyTreeCheck;
import org.certcheck.validate.TimeEncodingCheck;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@link PolicyTreeCheck} and {@link TimeEncodingCheck} on every x509-limbo case (BetterTLS's
 * name-constraint cases aside) whose path can be
 * built by issuer name: neither may report anything on a chain the suite expects to be
 * accepted, and the cases expected to fail that they catch are printed (for the deviation list).
 */
class LimboPolicyAndTimeTest {
    private static final Path SUITE = Path.of(System.getProperty("user.dir"))
            .resolve("../shared/conformance/limbo.json").normalize();

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void noFindingOnAcceptedChainsAndTheRejectedOnesCaughtAreListed() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SUITE), "x509-limbo suite not found at " + SUITE);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<String> wrong = new ArrayList<>();
        List<String> caught = new ArrayList<>();
        int[] judged = {0};
        LimboSuite.forEachNode(SUITE, node -> {
            // The 9,572 BetterTLS name-constraint cases carry no policy extension (checked once with a
            // script); judging them would double this test's time for nothing.
            if (node.get("id").asText().startsWith("bettertls::")) {
                return;
            }
            Optional<CertificatePath> path = path(factory, node);
            if (path.isEmpty()) {
                return;
            }
            judged[0]++;
            List<Finding> findings = new ArrayList<>(PolicyTreeCheck.check(path.get()));
            findings.addAll(TimeEncodingCheck.check(path.get()));
            String id = node.get("id").asText();
            if (findings.isEmpty()) {
                return;
            }
            String line = id + " " + findings.stream().map(f -> f.code() + ": " + f.message()).toList();
            if (node.get("expected_result").asText().equals("SUCCESS")) {
                wrong.add(line);
            } else {
                caught.add(line);
            }
        });
        System.out.println("x509-limbo, policy and time checks: " + judged[0] + " paths built, caught "
                + caught.size() + " expected failures:\n  " + String.join("\n  ", caught));
        assertThat(judged[0]).isGreaterThan(150);
        assertThat(wrong).as("findings on chains the suite expects to be accepted").isEmpty();
    }

    /** Leaf, then each issuer found by name among the intermediates and trusted certificates. */
    private static Optional<CertificatePath> path(CertificateFactory factory, JsonNode node) {
        try {
            X509Certificate leaf = parse(factory, node.get("peer_certificate").asText());
            List<X509Certificate> trusted = new ArrayList<>();
            for (JsonNode pem : node.path("trusted_certs")) {
                trusted.add(parse(factory, pem.asText()));
            }
            List<X509Certificate> candidates = new ArrayList<>();
            for (JsonNode pem : node.path("untrusted_intermediates")) {
                candidates.add(parse(factory, pem.asText()));
            }
            candidates.addAll(trusted);
            List<X509Certificate> path = new ArrayList<>(List.of(leaf));
            X509Certificate current = leaf;
            while (path.size() < 10) {
                if (trusted.contains(current)) {
                    return Optional.of(new CertificatePath(path, Optional.of(current)));
                }
                X509Certificate issuer = issuer(current, candidates, path);
                if (issuer == null) {
                    return Optional.empty();
                }
                path.add(issuer);
                current = issuer;
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /**
     * The first unused candidate named as the issuer; signatures are not verified (that would cost
     * most of the run), so a path may pair a certificate with a same-named impostor: harmless for
     * checks that read only extensions and validity.
     */
    private static X509Certificate issuer(X509Certificate certificate, List<X509Certificate> candidates,
            List<X509Certificate> used) {
        for (X509Certificate candidate : candidates) {
            if (!used.contains(candidate)
                    && candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                return candidate;
            }
        }
        return null;
    }

    private static X509Certificate parse(CertificateFactory factory, String pem) throws Exception {
        return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
