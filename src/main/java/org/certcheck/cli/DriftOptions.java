package org.certcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.certcheck.drift.ChangeDetection;
import org.certcheck.drift.Snapshot;
import org.certcheck.drift.Snapshots;
import org.certcheck.finding.Calibration;
import org.certcheck.finding.FindingCode;
import org.certcheck.report.JsonReporter;
import org.certcheck.report.Report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import picocli.CommandLine.Option;

/** Change detection between runs: {@code --baseline}, {@code --state}, {@code --fail-on-drift} (issue 16 item 3). */
final class DriftOptions {
    /** Made when a report is read: Jackson's first mapper costs about 50 ms, too much for every run. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "An earlier JSON or JSONL report of certcheck: add drift.* findings for what changed "
                    + "since (renewal, issuer, anchor, key, names, usages, lifetime, expiry, reachability).")
    Path baseline;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Keep the last report per host list in DIR (for cron) and compare each run with the "
                    + "previous one, as --baseline does; written atomically after the run.")
    Path state;

    @Option(names = "--fail-on-drift", paramLabel = "CODE", split = ",",
            description = "Drift codes that fail the target, e.g. drift.issuer-changed,drift.names-lost.")
    List<String> failOnDrift = new ArrayList<>();

    @Option(names = "--files", paramLabel = "DIR|KEYSTORE",
            description = "Certificate files (directories are walked; PEM, DER, PKCS#12, JKS) to join with the "
                    + "targets by SAN: a target serving an older certificate than the newest file for its names "
                    + "gets drift.not-deployed. Repeatable.")
    List<Path> files = new ArrayList<>();

    boolean active() {
        return baseline != null || state != null || !files.isEmpty();
    }

    /**
     * What this run compares with, read before any probe so that a bad option or baseline is a usage
     * error at once; empty without --baseline or --state.
     */
    Optional<ChangeDetection> detection(Calibration calibration, String hostListIdentity) {
        if (!active()) {
            return Optional.empty();
        }
        Set<FindingCode> raised = raised();
        Optional<Map<String, Snapshot>> before = Optional.empty();
        if (baseline != null) {
            before = Optional.of(read(baseline));
        } else if (state != null) {
            Path last = stateFile(hostListIdentity);
            before = Optional.of(Files.isRegularFile(last) ? read(last) : Map.of());
        }
        return Optional.of(new ChangeDetection(before, DiskCertificates.read(files), calibration.raising(raised)));
    }

    /** Writes the report as the state of this host list, for the next run. */
    void save(Report report, String hostListIdentity) {
        if (state == null) {
            return;
        }
        try {
            Files.createDirectories(state);
            try (AtomicFile file = AtomicFile.create(stateFile(hostListIdentity))) {
                new JsonReporter().write(report, file.writer());
                file.commit();
            }
        } catch (IOException e) {
            throw new UsageException("--state " + state + ": cannot write the state: " + e.getMessage(), e);
        }
    }

    Set<FindingCode> raised() {
        Set<FindingCode> codes = EnumSet.noneOf(FindingCode.class);
        for (String name : failOnDrift) {
            codes.add(java.util.Arrays.stream(FindingCode.values())
                    .filter(code -> code.code().equals(name.trim()) && code.code().startsWith("drift."))
                    .findFirst().orElseThrow(() -> new UsageException("--fail-on-drift: unknown drift code \""
                            + name + "\"; known: " + String.join(", ", driftCodes()))));
        }
        return codes;
    }

    private static List<String> driftCodes() {
        return java.util.Arrays.stream(FindingCode.values()).map(FindingCode::code)
                .filter(code -> code.startsWith("drift.")).toList();
    }

    /** {@code DIR/hosts-<first 16 hex digits of SHA-256 of the identity>.json}. */
    Path stateFile(String hostListIdentity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(hostListIdentity.getBytes(StandardCharsets.UTF_8));
            return state.resolve("hosts-" + HexFormat.of().formatHex(digest, 0, 8) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support SHA-256", e);
        }
    }

    /** A JSON document, or JSONL lines; a usage error for anything else. */
    private static Map<String, Snapshot> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("--baseline " + file + ": cannot read it ("
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage())
                    + "): give a report written with --output json=FILE", e);
        }
        try {
            JsonNode document = text.isBlank() ? Json.MAPPER.createArrayNode() : Json.MAPPER.readTree(text);
            if (document.isObject() && document.has("targets")) {
                return Snapshots.of(document);
            }
            ArrayNode lines = Json.MAPPER.createArrayNode();
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(Json.MAPPER.readTree(line));
                }
            }
            return Snapshots.of(lines);
        } catch (IOException | RuntimeException e) {
            throw new UsageException(file + ": not a certcheck JSON or JSONL report (" + e.getMessage()
                    + "): write one with --output json=FILE", e);
        }
    }
}
