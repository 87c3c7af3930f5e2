package org.certcheck.cli;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What certcheck knows about the terminal it runs in: whether stdout and stderr are terminals, and
 * how wide the terminal is. Only the CLI asks; below it, everything takes these as plain values.
 */
final class Terminal {
    private Terminal() {
    }

    /** Java 22+ has Console.isTerminal(); before it, a console exists only on a terminal. */
    static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /**
     * Java cannot ask isatty(2) directly; on Linux, /proc/self/fd/2 links to the terminal device
     * ({@code /dev/pts/3}, {@code /dev/tty1}) when stderr is one. Elsewhere this says no, and the
     * progress line, the only thing that depends on it, is simply not shown.
     */
    static boolean stderrIsTerminal() {
        try {
            String device = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * Columns to fit the table to: {@code COLUMNS} when set (shells set it, scripts can), else the
     * terminal's own width when stdout is a terminal, else 0 (no limit: a file or a pipe).
     */
    static int width(Map<String, String> environment) {
        String columns = environment.get("COLUMNS");
        if (columns != null) {
            try {
                int width = Integer.parseInt(columns.trim());
                return width > 0 ? width : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return stdoutIsTerminal() ? sttyColumns() : 0;
    }

    /** {@code stty size} prints "rows columns" for the terminal on its stdin; 0 when that fails. */
    private static int sttyColumns() {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return 0;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!stty.waitFor(1, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return 0;
            }
            String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
            return size.length == 2 ? Math.max(0, Integer.parseInt(size[1])) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
