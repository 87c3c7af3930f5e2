package org.certcheck.report;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shards given to {@code certcheck merge}: all of one split of one list, each once. A report
 * without a {@code shard} block is a whole run and can only be merged with other whole runs.
 * Messages name the reports, so the user knows which file to replace.
 */
final class ShardSet {
    /** Which report is which shard, by K. */
    private final Map<Integer, String> reports = new TreeMap<>();
    private String firstReport;
    private Optional<JsonNode> first = Optional.empty();
    private int added;

    /**
     * Records one report's shard block (missing node: a whole run).
     *
     * @throws IllegalArgumentException for a report that does not fit with those added before
     */
    void add(String name, JsonNode shard) {
        boolean sharded = shard.isObject();
        if (added++ == 0) {
            firstReport = name;
            first = sharded ? Optional.of(shard) : Optional.empty();
        } else if (sharded != first.isPresent()) {
            throw new IllegalArgumentException(sharded
                    ? "is shard " + describe(shard) + " but " + firstReport + " is a whole run: merge the shards of one run"
                    : "is a whole run but " + firstReport + " is shard " + describe(first.get())
                            + ": merge the shards of one run");
        }
        if (!sharded) {
            return;
        }
        JsonNode reference = first.get();
        int index = shard.path("index").asInt(-1);
        int count = shard.path("count").asInt(-1);
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("its \"shard\" block is not K/N with 1 <= K <= N: " + shard);
        }
        if (count != reference.path("count").asInt()) {
            throw new IllegalArgumentException("is shard " + describe(shard) + " but " + firstReport + " is shard "
                    + describe(reference) + ": every shard must come from the same --shard K/N split");
        }
        if (!shard.path("list").asText().equals(reference.path("list").asText())) {
            throw new IllegalArgumentException("checked another host list than " + firstReport + " (list "
                    + shard.path("list").asText() + ", not " + reference.path("list").asText()
                    + "): every shard must read the same list");
        }
        String twin = reports.putIfAbsent(index, name);
        if (twin != null) {
            throw new IllegalArgumentException("is shard " + describe(shard) + ", and so is " + twin
                    + ": a shard given twice would count its targets twice");
        }
    }

    /** Throws when shards were given and one of them is missing; the message names every missing K. */
    void checkComplete() {
        if (first.isEmpty()) {
            return;
        }
        int count = first.get().path("count").asInt();
        StringBuilder missing = new StringBuilder();
        for (int k = 1; k <= count; k++) {
            if (!reports.containsKey(k)) {
                missing.append(missing.length() == 0 ? "" : ", ").append(k).append('/').append(count);
            }
        }
        if (missing.length() > 0) {
            throw new IllegalArgumentException("shard " + missing + " missing: give the reports of all " + count
                    + " shards, or the merged report would leave their targets out");
        }
    }

    boolean sharded() {
        return first.isPresent();
    }

    private static String describe(JsonNode shard) {
        return shard.path("index").asText("?") + "/" + shard.path("count").asText("?");
    }
}
