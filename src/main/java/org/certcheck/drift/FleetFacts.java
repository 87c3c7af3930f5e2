package org.certcheck.drift;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.certcheck.report.FleetFact;

/**
 * Facts only the whole fleet shows: one key (SPKI) on targets whose certificates share no name (a key
 * copied between unrelated services: one leak exposes them all), and one certificate on several
 * endpoints (one renewal must reach them all).
 */
public final class FleetFacts {
    private FleetFacts() {
    }

    public static List<FleetFact> of(Collection<Snapshot> snapshots) {
        List<FleetFact> facts = new ArrayList<>();
        for (Map.Entry<String, List<Snapshot>> group : group(snapshots, Snapshot.Leaf::spkiSha256).entrySet()) {
            if (group.getValue().size() > 1 && someShareNoName(group.getValue())) {
                facts.add(new FleetFact("shared-key", group.getKey(), targets(group.getValue())));
            }
        }
        for (Map.Entry<String, List<Snapshot>> group : group(snapshots, Snapshot.Leaf::sha256).entrySet()) {
            if (group.getValue().size() > 1) {
                facts.add(new FleetFact("shared-certificate", group.getKey(), targets(group.getValue())));
            }
        }
        return facts;
    }

    private static Map<String, List<Snapshot>> group(Collection<Snapshot> snapshots,
                                                     Function<Snapshot.Leaf, String> key) {
        Map<String, List<Snapshot>> groups = new LinkedHashMap<>();
        for (Snapshot snapshot : snapshots) {
            snapshot.leaf().map(key).filter(k -> !k.isEmpty() && !k.startsWith("<"))
                    .ifPresent(k -> groups.computeIfAbsent(k, x -> new ArrayList<>()).add(snapshot));
        }
        return groups;
    }

    /** Whether two of the certificates have disjoint SANs. */
    private static boolean someShareNoName(List<Snapshot> group) {
        for (int i = 0; i < group.size(); i++) {
            for (int j = i + 1; j < group.size(); j++) {
                Set<String> names = new HashSet<>(group.get(i).leaf().orElseThrow().subjectAltNames());
                names.retainAll(group.get(j).leaf().orElseThrow().subjectAltNames());
                if (names.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> targets(List<Snapshot> group) {
        return group.stream().map(Snapshot::target).distinct().toList();
    }
}
