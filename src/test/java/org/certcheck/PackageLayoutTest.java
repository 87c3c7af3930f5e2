package org.certcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The house rules of STYLE.md, read from the sources: one package-info per package, dependencies that
 * point one way (no cycles), the bottom packages use nothing of ours, and only {@code cli} prints or
 * exits.
 */
class PackageLayoutTest {
    private static final Path SOURCES = Path.of("src/main/java/org/certcheck");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.certcheck\\.([a-z]+)\\.");

    @Test
    void everyPackageSaysWhatItDoesAndWhatItMayUse() throws IOException {
        for (String name : packages().keySet()) {
            Path info = SOURCES.resolve(name).resolve("package-info.java");
            assertTrue(Files.isRegularFile(info), "package " + name + " has no package-info.java");
            String text = Files.readString(info);
            assertTrue(text.contains("/**") && text.contains("package org.certcheck." + name + ";"),
                    info + " must document the package");
        }
    }

    @Test
    void dependenciesBetweenPackagesHaveNoCycle() {
        Map<String, Set<String>> uses = packages();
        for (String start : uses.keySet()) {
            List<String> cycle = pathBack(uses, start);
            assertTrue(cycle.isEmpty(), "package cycle: " + String.join(" -> ", cycle));
        }
    }

    @Test
    void theBottomOfTheHouseUsesNothingAbove() {
        Map<String, Set<String>> uses = packages();
        for (String bottom : List.of("finding", "input", "files", "pki", "crypto")) {
            assertEquals(Set.of(), uses.get(bottom), bottom + " must use nothing of certcheck's own");
        }
        assertEquals(Set.of("input"), uses.get("net"), "net uses only input (never tls)");
        assertTrue(uses.entrySet().stream().filter(e -> !e.getKey().equals("cli")).noneMatch(e -> e.getValue().contains("cli")),
                "only cli sits at the top: nothing uses it");
    }

    @Test
    void onlyTheCommandLinePrintsOrExits() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (file.startsWith(SOURCES.resolve("cli"))) {
                    continue;
                }
                for (String line : code(file)) {
                    if (line.contains("System.exit(") || line.contains("System.out.") || line.contains("System.err.")) {
                        offenders.add(SOURCES.relativize(file) + ": " + line.trim());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    /** Each package under org.certcheck with the other packages its code (not its comments) names. */
    private static Map<String, Set<String>> packages() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(SOURCES); Stream<Path> files = Files.walk(SOURCES)) {
            dirs.filter(Files::isDirectory).forEach(dir -> uses.put(dir.getFileName().toString(), new TreeSet<>()));
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String own = SOURCES.relativize(file).getName(0).toString();
                for (String line : code(file)) {
                    Matcher m = REFERENCE.matcher(line);
                    while (m.find()) {
                        if (!m.group(1).equals(own)) {
                            uses.get(own).add(m.group(1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    /** The lines of a source file outside comments (line comments and javadoc/block comment lines). */
    private static List<String> code(Path file) {
        try {
            List<String> code = new ArrayList<>();
            boolean inComment = false;
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                if (inComment) {
                    inComment = !trimmed.contains("*/");
                } else if (trimmed.startsWith("/*")) {
                    inComment = !trimmed.contains("*/");
                } else if (!trimmed.startsWith("//")) {
                    int comment = line.indexOf("// ");
                    code.add(comment >= 0 ? line.substring(0, comment) : line);
                }
            }
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cycle through start (start, ..., start), or empty: depth-first over the uses graph. */
    private static List<String> pathBack(Map<String, Set<String>> uses, String start) {
        Deque<List<String>> paths = new ArrayDeque<>();
        paths.push(List.of(start));
        Set<String> seen = new TreeSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.pop();
            for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(start)) {
                    return longer;
                }
                if (seen.add(next)) {
                    paths.push(longer);
                }
            }
        }
        return List.of();
    }
}
