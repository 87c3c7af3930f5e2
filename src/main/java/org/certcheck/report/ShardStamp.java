package org.certcheck.report;

import java.util.Map;
import java.util.Objects;

/**
 * What a shard's JSON report says about where it came from, so that {@code certcheck merge} can
 * refuse a missing, doubled or foreign shard and put the rows back in input order.
 *
 * @param index     K of {@code --shard K/N}
 * @param count     N
 * @param list      SHA-256 (hex) of the whole list before it was split ({@code Shard.listIdentity})
 * @param positions each entry's place (0-based) in the whole list, by its origin ({@code hosts.txt:12})
 */
public record ShardStamp(int index, int count, String list, Map<String, Integer> positions) {
    public ShardStamp {
        Objects.requireNonNull(list, "list");
        positions = Map.copyOf(positions);
    }
}
