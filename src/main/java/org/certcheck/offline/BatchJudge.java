package org.certcheck.offline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import org.certcheck.finding.Calibration;
import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.finding.Kind;
import org.certcheck.finding.Severity;
import org.certcheck.input.Target;
import org.certcheck.net.HttpOutcome;
import org.certcheck.revocation.Fetcher;
import org.certcheck.revocation.RevocationCheck;
import org.certcheck.revocation.RevocationList;
import org.certcheck.revocation.RevocationMode;
import org.certcheck.store.UnreadableCertificate;
import org.certcheck.validate.Assessment;
import org.certcheck.validate.Policy;
import org.certcheck.validate.Requirements;
import org.certcheck.validate.TrustAnchors;
import org.certcheck.validate.Validator;

/**
 * Judges one x509-limbo-shaped testcase (see {@code ../shared/conformance/README.md}) with the same
 * {@link Validator} as a network check: the peer certificate and {@code untrusted_intermediates}
 * as a server would send them, {@code trusted_certs} as the only anchors, at
 * {@code validation_time}, for {@code expected_peer_name} (DNS or IP; without one, or for an e-mail
 * address, host findings are left out), under the chosen profile. FAILURE when a finding fails, or
 * warns about a broken rule (a lint of RFC 5280 under the private profile): the suite asks whether
 * the chain conforms, and a warning that names a broken MUST says it does not. A warning about
 * hygiene (expiry ahead) does not make a chain non-conforming.
 *
 * <p>{@code max_chain_depth} limits the intermediates on the validated path. The case's {@code crls}
 * are checked like {@code --crl} files with {@code --revocation hard}: a CRL that cannot be used
 * leaves the status unknown, which fails. SKIPPED, with the reason, for what certcheck does not
 * judge: CLIENT validation, an extended key usage other than serverAuth. No network access:
 * caIssuers, CRL and OCSP URLs are never fetched.
 */
public final class BatchJudge {
    private static final Target NO_NAME = new Target("no-peer-name.invalid", 443, "batch (no peer name)");
    private static final int CONTEXT_LIMIT = 2_000;
    /** Revocation from the case's CRLs alone: every network source is answered "not fetched". */
    private static final Fetcher OFFLINE = new Fetcher() {
        @Override
        public HttpOutcome get(URI uri) {
            return new HttpOutcome.Failed("not fetched: verify --batch works offline");
        }

        @Override
        public HttpOutcome postOcsp(URI uri, byte[] request) {
            return new HttpOutcome.Failed("not fetched: verify --batch works offline");
        }
    };

    private final ObjectMapper mapper = new ObjectMapper();
    private final Policy policy;
    private final Requirements requirements;
    private final Calibration calibration;
    private final Instant now;

    /** @param now the time for cases without a {@code validation_time} */
    public BatchJudge(Policy policy, Requirements requirements, Instant now) {
        this(policy, requirements, Calibration.DEFAULT, now);
    }

    public BatchJudge(Policy policy, Requirements requirements, Calibration calibration, Instant now) {
        this.policy = policy;
        this.requirements = requirements;
        this.calibration = calibration;
        this.now = now;
    }

    /** Never throws: a malformed line is answered FAILURE with the reason, under {@code line N}. */
    public BatchAnswer judge(String line, int lineNumber) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (Exception e) {
            return new BatchAnswer("line " + lineNumber, "FAILURE", "not a JSON object: " + e.getMessage());
        }
        String id = node.path("id").isTextual() ? node.get("id").asText() : "line " + lineNumber;
        try {
            return judge(id, node);
        } catch (IllegalArgumentException e) {
            return new BatchAnswer(id, "FAILURE", "malformed case: " + e.getMessage());
        }
    }

    private BatchAnswer judge(String id, JsonNode node) {
        if ("CLIENT".equals(node.path("validation_kind").asText())) {
            return new BatchAnswer(id, "SKIPPED", "CLIENT validation: certcheck judges server certificates only");
        }
        for (JsonNode usage : node.path("extended_key_usage")) {
            if (!usage.asText().equals("serverAuth")) {
                return new BatchAnswer(id, "SKIPPED", "extended key usage " + usage.asText()
                        + " requested; certcheck judges for serverAuth only");
            }
        }
        List<X509Certificate> chain = new ArrayList<>();
        List<X509Certificate> anchors = new ArrayList<>();
        List<RevocationList> crls = new ArrayList<>();
        try {
            for (JsonNode pem : node.path("crls")) {
                String location = "crls[" + crls.size() + "]";
                crls.add(RevocationList.parse(pem.asText().getBytes(StandardCharsets.US_ASCII), location));
            }
        } catch (CRLException e) {
            return new BatchAnswer(id, "FAILURE", "unparsable CRL: " + e.getMessage());
        }
        try {
            chain.add(parse(text(node, "peer_certificate")));
            for (JsonNode pem : node.path("untrusted_intermediates")) {
                chain.add(parse(pem.asText()));
            }
            for (JsonNode pem : node.path("trusted_certs")) {
                anchors.add(parse(pem.asText()));
            }
        } catch (CertificateException | RuntimeException e) {
            // A TLS stack refuses such bytes before any check runs.
            return new BatchAnswer(id, "FAILURE", "unparsable certificate: " + e.getMessage());
        }
        Optional<Target> target = target(node.path("expected_peer_name"));
        Instant at = time(node.path("validation_time"));
        Validator validator = new Validator(new TrustAnchors(anchors, "trusted_certs"), policy, requirements, calibration);
        Assessment assessment = validator.assess(chain, target.orElse(NO_NAME), at);
        List<Finding> findings = new ArrayList<>(assessment.findings().stream()
                .filter(finding -> target.isPresent() || !finding.code().code().startsWith("host."))
                .toList());
        if (!crls.isEmpty()) {
            new RevocationCheck(RevocationMode.HARD, OFFLINE, crls).check(assessment.path(), List.of(), at)
                    .ifPresent(revocation -> findings.addAll(revocation.findings()));
        }
        JsonNode depth = node.path("max_chain_depth");
        // Like pathLenConstraint, the depth counts intermediates that are not self-issued (RFC 5280 6.1.4 l).
        List<X509Certificate> onPath = assessment.path().certificates();
        int intermediates = (int) onPath.subList(1, Math.max(1, onPath.size() - 1)).stream()
                .filter(c -> !c.getIssuerX500Principal().equals(c.getSubjectX500Principal())).count();
        if (depth.isInt() && assessment.path().trusted() && intermediates > depth.asInt()) {
            findings.add(Finding.of(FindingCode.CHAIN_PATH_LENGTH, "the path has " + intermediates
                            + " intermediate(s), more than max_chain_depth " + depth.asInt()));
        }
        boolean conforms = findings.stream().allMatch(finding -> finding.severity() == Severity.INFO
                || (finding.severity() == Severity.WARN && finding.code().kind() == Kind.HYGIENE));
        String result = conforms ? "SUCCESS" : "FAILURE";
        return new BatchAnswer(id, result, context(findings));
    }

    private static String context(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "no findings";
        }
        String text = findings.stream().map(f -> f.severity() + " " + f.code().code() + ": " + f.message())
                .collect(Collectors.joining("; "));
        return text.length() <= CONTEXT_LIMIT ? text : text.substring(0, CONTEXT_LIMIT) + "...";
    }

    private static Optional<Target> target(JsonNode name) {
        String kind = name.path("kind").asText();
        if (!kind.equals("DNS") && !kind.equals("IP")) {
            return Optional.empty();
        }
        return Optional.of(new Target(name.path("value").asText(), 443, "batch"));
    }

    private Instant time(JsonNode time) {
        if (!time.isTextual()) {
            return now;
        }
        try {
            return OffsetDateTime.parse(time.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("validation_time \"" + time.asText() + "\" is not RFC 3339");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field \"" + field + "\" is missing or not text");
        }
        return value.asText();
    }

    private static X509Certificate parse(String pem) throws CertificateException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new CertificateException(der(pem).map(der -> UnreadableCertificate.explain(der, e))
                    .orElse(e.getMessage()), e);
        }
    }

    private static Optional<byte[]> der(String pem) {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            return Optional.ofNullable(reader.readPemObject()).map(PemObject::getContent);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
