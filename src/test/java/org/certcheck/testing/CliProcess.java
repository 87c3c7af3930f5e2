package org.certcheck.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs certcheck's {@code main} in a child JVM with this test's class path:
 * for what only a real process shows (its standard output on {@code /dev/full}, a signal, a lowered
 * {@code ulimit -n}). Children resolve names from the same hosts file as the test JVM: no DNS.
 */
public final class CliProcess {
    private CliProcess() {
    }

    /** {@code java -cp ... org.certcheck.cli.Main ARGS...}. */
    public static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String hosts = System.getProperty("jdk.net.hosts.file");
        if (hosts != null) {
            command.add("-Djdk.net.hosts.file=" + hosts);
        }
        command.add("-Xshare:auto");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.certcheck.cli.Main");
        command.addAll(List.of(args));
        return command;
    }

    /** The same, as one {@code bash -c} script line that first runs {@code prefix} (e.g. {@code ulimit -n 96}). */
    public static List<String> inShell(String prefix, String... args) {
        StringBuilder script = new StringBuilder(prefix).append(" && exec");
        for (String word : command(args)) {
            script.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        return List.of("bash", "-c", script.toString());
    }
}
