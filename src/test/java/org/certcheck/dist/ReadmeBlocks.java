package org.certcheck.dist;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands of a README's fenced blocks marked for testing: {@code ```sh test} (each line a
 * command), {@code ```cron test} (each entry without its five time fields) and {@code ```yaml test}
 * (each {@code run:} or list item that runs {@code certcheck} with options).
 */
final class ReadmeBlocks {
    private ReadmeBlocks() {
    }

    static List<String> commands(String markdown) {
        List<String> commands = new ArrayList<>();
        String kind = null;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                String info = line.substring(3).strip();
                kind = kind == null && info.endsWith(" test") ? info.substring(0, info.length() - 5) : null;
                if (kind == null && !info.isEmpty() && !info.endsWith(" test")) {
                    kind = "-";
                }
                continue;
            }
            if (kind == null || kind.equals("-") || line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            switch (kind) {
                case "sh" -> commands.add(line.strip());
                case "cron" -> commands.add(line.strip().split("\\s+", 6)[5]);
                case "yaml" -> {
                    String item = line.strip().replaceFirst("^- ", "").replaceFirst("^run: ", "");
                    if (item.startsWith("certcheck --")) {
                        commands.add(item);
                    }
                }
                default -> throw new IllegalArgumentException("README: a block marked \"" + kind
                        + " test\", but only sh, cron and yaml blocks can be tested");
            }
        }
        return commands;
    }
}
