package org.certcheck.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.EnumMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Combines the JSON reports of several shards into one document of the same schema.
 *
 * <p>Targets are copied as they are, field for field, so nothing a newer certcheck wrote is lost;
 * only the run-level fields are recomputed: the summary from the targets' statuses, the earliest
 * {@code checkedAt}, and the distinct trust descriptions. The {@code cas} sections are joined: a CA
 * several shards judged is kept once, as the shard that found it worst said it.
 */
public final class JsonReportMerger {
    private final List<String> trust = new ArrayList<>();
    private final ShardSet shardSet = new ShardSet();
    private final List<String> shards = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final ArrayNode targets = JsonNodeFactory.instance.arrayNode();
    private final List<Status> statuses = new ArrayList<>();
    private final List<String> duplicates = new ArrayList<>();
    private final Map<String, JsonNode> cas = new java.util.TreeMap<>();
    private String checkedAt;
    private boolean internalError;

    /**
     * Adds one report.
     *
     * @throws IllegalArgumentException when it is not a certcheck JSON report of a schema this
     *                                  version understands; the message says what is wrong
     */
    public void add(JsonNode report) {
        add(report, "report " + (shards.size() + 1));
    }

    /**
     * Adds one report, {@code name} (its file) naming it in messages; a shard's report must fit with
     * the shards added before (same split, same list, not twice), see {@link #checkComplete()}.
     */
    public void add(JsonNode report, String name) {
        if (!report.isObject() || !report.path("targets").isArray()) {
            throw new IllegalArgumentException("not a certcheck JSON report (no \"targets\" array)");
        }
        int version = report.path("schemaVersion").asInt(-1);
        if (version != JsonReporter.SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion " + report.path("schemaVersion")
                    + " is not supported (this certcheck reads " + JsonReporter.SCHEMA_VERSION + ")");
        }
        shardSet.add(name, report.path("shard"));
        shards.add(name);
        String when = report.path("checkedAt").asText("");
        if (checkedAt == null || (!when.isEmpty() && when.compareTo(checkedAt) < 0)) {
            checkedAt = when;
        }
        String trusted = report.path("trust").asText("");
        if (!trusted.isEmpty() && !trust.contains(trusted)) {
            trust.add(trusted);
        }
        for (JsonNode target : report.get("targets")) {
            String display = target.path("target").asText();
            if (!seen.add(display + " " + target.path("origin").asText())) {
                duplicates.add(display);
                continue;
            }
            Status status;
            try {
                status = Status.valueOf(target.path("status").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("target " + display + " has no valid status ("
                        + target.path("status") + ")");
            }
            statuses.add(status);
            internalError |= target.path("findings").findValuesAsText("code").contains("internal.error");
            targets.add(target);
        }
        for (JsonNode ca : report.path("cas")) {
            cas.merge(ca.path("subject").asText() + "\n" + ca.path("keyId").asText(), ca,
                    (kept, other) -> casStatus(other).compareTo(casStatus(kept)) > 0 ? other : kept);
        }
    }

    /** The status of each CA in the merged {@code cas} section, for the exit code. */
    public List<Status> casStatuses() {
        return cas.values().stream().map(JsonReportMerger::casStatus).toList();
    }

    private static Status casStatus(JsonNode ca) {
        try {
            return Status.valueOf(ca.path("status").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the CA " + ca.path("subject") + " has no valid status ("
                    + ca.path("status") + ")");
        }
    }

    /**
     * Throws an {@link IllegalArgumentException} when the reports were shards and one is missing.
     */
    public void checkComplete() {
        shardSet.checkComplete();
    }

    /** Statuses of every merged target, for the exit code. */
    public List<Status> statuses() {
        return List.copyOf(statuses);
    }

    public boolean internalError() {
        return internalError;
    }

    /** Targets that appeared in more than one report (kept once, from the first). */
    public List<String> duplicates() {
        return List.copyOf(duplicates);
    }

    public ObjectNode merged() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("schemaVersion", JsonReporter.SCHEMA_VERSION);
        root.put("checkedAt", checkedAt == null ? "" : checkedAt);
        root.put("trust", String.join("; ", trust));
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        statuses.forEach(s -> counts.merge(s, 1, Integer::sum));
        ObjectNode summary = root.putObject("summary");
        summary.put("total", statuses.size());
        counts.forEach((status, count) -> summary.put(status.name().toLowerCase(Locale.ROOT), count));
        ArrayNode ordered = targets.deepCopy();
        if (shardSet.sharded()) {
            // Each shard's rows carry their place in the whole list: the merge reads as one run's.
            List<JsonNode> rows = new ArrayList<>();
            ordered.forEach(rows::add);
            rows.sort(java.util.Comparator.comparingInt(row -> row.path("position").asInt(Integer.MAX_VALUE)));
            ordered = JsonNodeFactory.instance.arrayNode().addAll(rows);
        }
        root.set("targets", ordered);
        if (!cas.isEmpty()) {
            root.putArray("cas").addAll(cas.values());
        }
        return root;
    }
}
