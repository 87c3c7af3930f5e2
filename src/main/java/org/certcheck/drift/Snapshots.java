package org.certcheck.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads snapshots from a certcheck report: a JSON document ({@code targets}) or the parsed lines of
 * a JSONL report. Fields a report lacks (older schema) are read as empty, never as a change.
 */
public final class Snapshots {
    private Snapshots() {
    }

    /** Every target of a JSON document, or of the JSONL lines given as an array; by target, first wins. */
    public static Map<String, Snapshot> of(JsonNode document) {
        JsonNode targets = document.has("targets") ? document.get("targets") : document;
        Map<String, Snapshot> byTarget = new LinkedHashMap<>();
        if (targets.isArray()) {
            for (JsonNode target : targets) {
                if (target.hasNonNull("target")) {
                    Snapshot snapshot = target(target);
                    byTarget.putIfAbsent(snapshot.target(), snapshot);
                }
            }
        }
        return byTarget;
    }

    static Snapshot target(JsonNode node) {
        JsonNode chain = node.path("chain");
        List<String> intermediates = new ArrayList<>();
        for (int i = 1; i < chain.size(); i++) {
            intermediates.add(chain.get(i).path("sha256").asText());
        }
        Optional<Snapshot.Leaf> leaf = node.hasNonNull("certificate") ? Optional.of(leaf(node.get("certificate")))
                : Optional.empty();
        Optional<String> anchor = node.hasNonNull("anchor") ? Optional.of(node.get("anchor").asText()) : Optional.empty();
        return new Snapshot(node.get("target").asText(), leaf, intermediates, anchor);
    }

    private static Snapshot.Leaf leaf(JsonNode c) {
        return new Snapshot.Leaf(c.path("sha256").asText(), c.path("serialNumber").asText(), c.path("issuer").asText(),
                strings(c.path("subjectAltNames")), c.path("spkiSha256").asText(""), c.path("keyType").asText(),
                c.path("keySize").asInt(), strings(c.path("keyUsage")), strings(c.path("extendedKeyUsage")),
                instant(c.path("notBefore")), instant(c.path("notAfter")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Instant instant(JsonNode value) {
        return value.isTextual() ? Instant.parse(value.asText()) : Instant.EPOCH;
    }
}
