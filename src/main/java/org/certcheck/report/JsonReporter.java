package org.certcheck.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.certcheck.clients.ClientOutcome;
import org.certcheck.finding.Finding;
import org.certcheck.revocation.CertificateRevocation;
import org.certcheck.revocation.PathRevocation;

/**
 * The report as JSON for scripts, in the shape documented in {@code docs/json-output.md}
 * (schema version {@value #SCHEMA_VERSION}).
 *
 * <p>The shape is built here as a Jackson tree rather than by annotating the domain records, so
 * renaming a record component can never silently change a public format. Absent values are left
 * out, except {@code daysLeft} and {@code notAfter}, which are {@code null} when no certificate was
 * seen so that every target has them. Instants are ISO 8601 UTC strings.
 */
public final class JsonReporter implements Reporter {
    /** Raised only for changes that break a reader: a renamed or removed field, a changed meaning. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Writes one subtree into the open document; flushing after each would be a write per target. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter())
            .with(new JsonOutputEscapes())
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final Optional<ShardStamp> shard;

    public JsonReporter() {
        this(Optional.empty());
    }

    /** A report of one shard: it says which, of which list, and each target's place in the whole list. */
    public JsonReporter(Optional<ShardStamp> shard) {
        this.shard = java.util.Objects.requireNonNull(shard, "shard");
    }

    /**
     * Writes the document and a final newline; does not close {@code out}. Target by target: the
     * whole document as one tree took most of the memory of a 10,000-host run (a 38 MB document).
     */
    @Override
    public void write(Report report, Writer out) throws IOException {
        try (JsonGenerator json = WRITER.createGenerator(out)) {
            json.writeStartObject();
            writeFields(json, head(report));
            json.writeArrayFieldStart("targets");
            for (Verdict verdict : report.verdicts()) {
                MAPPER.writeTree(json, target(verdict, report));
            }
            json.writeEndArray();
            writeFields(json, tail(report));
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeFields(JsonGenerator json, ObjectNode fields) throws IOException {
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field : fields.properties()) {
            json.writeFieldName(field.getKey());
            MAPPER.writeTree(json, field.getValue());
        }
    }

    /** Writes an already built document (a merged report) the same way. */
    public void write(com.fasterxml.jackson.databind.JsonNode document, Writer out) throws IOException {
        WRITER.writeValue(out, document);
        out.write('\n');
        out.flush();
    }

    /** The document as a tree, for callers that want to embed it. */
    public ObjectNode toJson(Report report) {
        ObjectNode root = head(report);
        ArrayNode targets = root.putArray("targets");
        for (Verdict verdict : report.verdicts()) {
            targets.add(target(verdict, report));
        }
        root.setAll(tail(report));
        return root;
    }

    /** The fields before {@code targets}. */
    private ObjectNode head(Report report) {
        ObjectNode root = NODES.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("checkedAt", UtcTime.iso(report.checkedAt()));
        root.put("trust", report.trust());
        shard.ifPresent(stamp -> {
            ObjectNode node = root.putObject("shard");
            node.put("index", stamp.index());
            node.put("count", stamp.count());
            node.put("list", "sha256:" + stamp.list());
        });
        ObjectNode summary = root.putObject("summary");
        summary.put("total", report.verdicts().size());
        for (Map.Entry<Status, Integer> count : report.countByStatus().entrySet()) {
            summary.put(count.getKey().name().toLowerCase(Locale.ROOT), count.getValue());
        }
        PostQuantumShare share = PostQuantumShare.of(report.verdicts());
        if (share.reached() > 0) {
            ObjectNode postQuantum = root.putObject("postQuantum");
            postQuantum.put("hosts", share.postQuantum());
            postQuantum.put("of", share.reached());
            postQuantum.put("summary", share.line());
        }
        return root;
    }

    private ObjectNode target(Verdict verdict, Report report) {
        ObjectNode target = target(verdict, report.checkedAt());
        shard.map(stamp -> stamp.positions().get(verdict.origin())).ifPresent(at -> target.put("position", at));
        return target;
    }

    /** The fields after {@code targets}. */
    private static ObjectNode tail(Report report) {
        ObjectNode root = NODES.objectNode();
        if (!report.fleet().isEmpty()) {
            ArrayNode fleet = root.putArray("fleet");
            for (FleetFact fact : report.fleet()) {
                ObjectNode entry = fleet.addObject();
                entry.put("kind", fact.kind());
                entry.put("sha256", fact.sha256());
                ArrayNode members = entry.putArray("targets");
                fact.targets().forEach(members::add);
            }
        }
        if (!report.cas().isEmpty()) {
            root.set("cas", CasJson.of(report.cas()));
        }
        return root;
    }

    /** One element of {@code targets}; also each line of {@link JsonLinesReporter}. */
    static ObjectNode target(Verdict verdict, Instant checkedAt) {
        ObjectNode node = NODES.objectNode();
        node.put("target", verdict.target());
        node.put("origin", verdict.origin());
        node.put("status", verdict.status().name());
        OptionalLong days = DaysLeft.of(verdict, checkedAt);
        if (days.isPresent()) {
            node.put("daysLeft", days.getAsLong());
        } else {
            node.putNull("daysLeft");
        }
        node.put("notAfter", verdict.notAfter().map(UtcTime::iso).orElse(null));
        node.put("elapsedMs", verdict.elapsed().toMillis());
        ArrayNode findings = node.putArray("findings");
        verdict.findings().forEach(finding -> findings.add(finding(finding)));
        verdict.connection().ifPresent(connection -> {
            ObjectNode reached = node.putObject("connection");
            reached.put("address", connection.address());
            reached.put("protocol", connection.protocol());
            reached.put("cipherSuite", connection.cipherSuite());
            connection.posture().ifPresent(posture -> {
                posture.keyExchange().ifPresent(group -> reached.put("keyExchange", group));
                reached.put("postQuantum", posture.postQuantum());
                reached.put("signatureFamily", posture.signatureFamily());
                reached.put("engine", posture.engine());
            });
        });
        verdict.leaf().ifPresent(leaf -> node.set("certificate", certificate(leaf)));
        ArrayNode chain = node.putArray("chain");
        verdict.chain().forEach(certificate -> chain.add(certificate(certificate)));
        ArrayNode path = node.putArray("path");
        verdict.path().forEach(path::add);
        verdict.anchor().ifPresent(anchor -> node.put("anchor", anchor));
        verdict.anchorSha256().ifPresent(sha256 -> node.put("anchorSha256", sha256));
        verdict.revocation().ifPresent(revocation -> node.set("revocation", revocation(revocation)));
        if (!verdict.clients().isEmpty()) {
            ArrayNode clients = node.putArray("clients");
            for (ClientOutcome outcome : verdict.clients()) {
                ObjectNode entry = clients.addObject();
                entry.put("client", outcome.client());
                entry.put("connects", outcome.connects());
                ArrayNode reasons = entry.putArray("reasons");
                outcome.reasons().forEach(reasons::add);
                if (!outcome.notes().isEmpty()) {
                    ArrayNode notes = entry.putArray("notes");
                    outcome.notes().forEach(notes::add);
                }
            }
        }
        return node;
    }

    private static ObjectNode revocation(PathRevocation revocation) {
        ObjectNode node = NODES.objectNode();
        node.put("status", revocation.status().label());
        ArrayNode certificates = node.putArray("certificates");
        for (CertificateRevocation certificate : revocation.certificates()) {
            ObjectNode entry = certificates.addObject();
            entry.put("certificate", certificate.certificate());
            entry.put("status", certificate.status().label());
            certificate.source().ifPresent(source -> entry.put("source", source.label()));
            certificate.url().ifPresent(url -> entry.put("url", url));
            certificate.thisUpdate().ifPresent(time -> entry.put("thisUpdate", UtcTime.iso(time)));
            certificate.nextUpdate().ifPresent(time -> entry.put("nextUpdate", UtcTime.iso(time)));
            certificate.revokedAt().ifPresent(time -> entry.put("revokedAt", UtcTime.iso(time)));
            certificate.reason().ifPresent(reason -> entry.put("reason", reason));
            ArrayNode problems = entry.putArray("problems");
            certificate.problems().forEach(problems::add);
        }
        return node;
    }

    static ObjectNode finding(Finding finding) {
        ObjectNode node = NODES.objectNode();
        node.put("code", finding.code().code());
        node.put("severity", finding.severity().name());
        node.put("message", finding.message());
        finding.certificate().ifPresent(subject -> node.put("certificate", subject));
        return node;
    }

    private static ObjectNode certificate(CertificateFacts facts) {
        ObjectNode node = NODES.objectNode();
        node.put("subject", facts.subject());
        node.put("issuer", facts.issuer());
        ArrayNode names = node.putArray("subjectAltNames");
        facts.subjectAltNames().forEach(names::add);
        node.put("serialNumber", facts.serialNumber());
        node.put("sha256", facts.sha256Fingerprint());
        node.put("keyType", facts.keyType());
        node.put("keySize", facts.keySize());
        node.put("signatureAlgorithm", facts.signatureAlgorithm());
        node.put("notBefore", UtcTime.iso(facts.notBefore()));
        node.put("notAfter", UtcTime.iso(facts.notAfter()));
        if (!facts.spkiSha256().isEmpty()) {
            node.put("spkiSha256", facts.spkiSha256());
        }
        ArrayNode keyUsage = node.putArray("keyUsage");
        facts.keyUsage().forEach(keyUsage::add);
        ArrayNode extendedKeyUsage = node.putArray("extendedKeyUsage");
        facts.extendedKeyUsage().forEach(extendedKeyUsage::add);
        return node;
    }

    /** Two-space indents, {@code "key": value}, one array element per line, {@code \n} everywhere. */
    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("")
                .withObjectEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }
}
