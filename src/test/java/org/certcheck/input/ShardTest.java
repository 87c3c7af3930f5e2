package org.certcheck.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShardTest {
    private static List<HostListEntry> fleet(int size) {
        List<HostListEntry> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(new Target("host" + i + ".corp.test", 443 + i % 3, "hosts.txt:" + (i + 1)));
        }
        entries.add(new InputProblem("hosts.txt:9999", "web:99999", "port out of range (1-65535)"));
        return entries;
    }

    @Test
    void everyEntryLandsInExactlyOneShardForSeveralShardCounts() {
        List<HostListEntry> entries = fleet(1000);
        for (int count = 1; count <= 7; count++) {
            List<HostListEntry> union = new ArrayList<>();
            for (int index = 1; index <= count; index++) {
                List<HostListEntry> shard = new Shard(index, count).select(entries);
                assertThat(shard.size()).as("shard %d/%d is roughly fair", index, count)
                        .isBetween(1000 / count / 2, 1000 / count * 2);
                union.addAll(shard);
            }
            assertThat(union).containsExactlyInAnyOrderElementsOf(entries);
        }
    }

    @Test
    void theShardOfATargetDependsOnlyOnItsHostAndPort() {
        Target fromFile = new Target("wiki.corp.test", 443, "hosts.txt:3");
        Target fromArgument = new Target("wiki.corp.test", 443, "argument 1");

        for (int index = 1; index <= 5; index++) {
            Shard shard = new Shard(index, 5);
            assertThat(shard.contains(fromFile)).isEqualTo(shard.contains(fromArgument));
        }
    }

    /**
     * Pinned (value computed independently: first 8 bytes of SHA-256, unsigned, modulo N), so a
     * change of hash, which would reshuffle every fleet's shards between versions, cannot go unnoticed.
     */
    @Test
    void theHashIsStableAcrossVersions() {
        assertThat(Shard.slot("wiki.corp.test:443", 1_000_003)).isEqualTo(874_156);
    }

    @Test
    void malformedShardSpecificationsAreRejectedWithTheReason() {
        assertThat(Shard.parse("2/5")).isEqualTo(new Shard(2, 5));
        assertThatThrownBy(() -> Shard.parse("0/5")).hasMessageContaining("1 <= K <= N");
        assertThatThrownBy(() -> Shard.parse("6/5")).hasMessageContaining("1 <= K <= N");
        assertThatThrownBy(() -> Shard.parse("two")).hasMessageContaining("is not K/N");
    }
}
