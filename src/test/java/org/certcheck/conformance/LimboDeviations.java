package org.certcheck.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The x509-limbo cases where certcheck knowingly answers otherwise than the suite expects, read from
 * {@code src/test/resources/conformance/limbo-deviations.txt}: one per line, {@code ID ANSWER REASON}
 * ({@code ANSWER} is what certcheck says: SUCCESS, FAILURE or SKIPPED); {@code #} starts a comment. An
 * ID ending in {@code *} covers every case whose id starts with the rest, for a whole family that
 * deviates for one reason (BetterTLS's certificates break a rule of one profile, say).
 */
record LimboDeviations(Map<String, Deviation> byId) {
    record Deviation(String id, String answer, String reason) {
        boolean family() {
            return id.endsWith("*");
        }

        boolean covers(String caseId) {
            return family() ? caseId.startsWith(id.substring(0, id.length() - 1)) : caseId.equals(id);
        }
    }

    /** The entry for this case: its own line, else the family that covers it. */
    Deviation find(String caseId) {
        Deviation own = byId.get(caseId);
        if (own != null) {
            return own;
        }
        return byId.values().stream().filter(deviation -> deviation.family() && deviation.covers(caseId))
                .findFirst().orElse(null);
    }

    static LimboDeviations read(Path file) throws IOException {
        Map<String, Deviation> deviations = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3 || !List.of("SUCCESS", "FAILURE", "SKIPPED").contains(parts[1])) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected \"ID SUCCESS|FAILURE|SKIPPED"
                        + " REASON\", got \"" + line + "\"");
            }
            if (deviations.put(parts[0], new Deviation(parts[0], parts[1], parts[2])) != null) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + parts[0] + " is listed twice");
            }
        }
        return new LimboDeviations(Map.copyOf(deviations));
    }
}
