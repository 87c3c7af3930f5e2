package org.certcheck.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Debian's Chromium, headless, opening a local file the way a person would: the page's scripts run,
 * then the test reads the DOM as the browser left it, the browser's console messages (script
 * errors, Content-Security-Policy violations) and, if asked, a screenshot. Each call is a fresh
 * browser with its own throwaway profile, no network features, and a time limit.
 */
public final class HeadlessChromium {
    /** What the browser showed: the rendered DOM, parsed, and every console message it logged. */
    public record Page(Document dom, List<String> console) {
    }

    private static final int TIMEOUT_SECONDS = 90;

    private final ExternalTool chromium;
    private final Path profiles;

    private HeadlessChromium(ExternalTool chromium, Path profiles) {
        this.chromium = chromium;
        this.profiles = profiles;
    }

    /** Skips outside CI when Chromium is missing; {@code scratch} holds the throwaway profiles. */
    public static HeadlessChromium require(Path scratch) {
        return new HeadlessChromium(ExternalTool.require("chromium", "chromium"), scratch);
    }

    /** Loads {@code file} (with {@code #fragment} when not empty) and returns the DOM after its scripts ran. */
    public Page open(Path file, String fragment) throws IOException, InterruptedException {
        ExternalTool.Outcome outcome = chromium.run("", TIMEOUT_SECONDS,
                arguments("--dump-dom", url(file, fragment)).toArray(String[]::new));
        if (outcome.exitCode() != 0) {
            throw new AssertionError("chromium exited " + outcome.exitCode() + ": " + outcome.err());
        }
        List<String> console = outcome.err().lines().filter(line -> line.contains(":CONSOLE")).toList();
        return new Page(Jsoup.parse(outcome.out()), console);
    }

    /** Saves a PNG of the page at {@code width} x {@code height} pixels. */
    public void screenshot(Path file, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        List<String> arguments = arguments("--screenshot=" + png.toAbsolutePath(), url(file, ""));
        arguments.add(0, "--window-size=" + width + "," + height);
        arguments.add(0, "--hide-scrollbars");
        ExternalTool.Outcome outcome = chromium.run("", TIMEOUT_SECONDS, arguments.toArray(String[]::new));
        if (outcome.exitCode() != 0 || !Files.isRegularFile(png)) {
            throw new AssertionError("chromium made no screenshot (exit " + outcome.exitCode() + "): " + outcome.err());
        }
    }

    private List<String> arguments(String action, String url) throws IOException {
        Path profile = Files.createTempDirectory(profiles, "chromium-profile");
        return new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", action, url));
    }

    private static String url(Path file, String fragment) {
        return file.toAbsolutePath().toUri() + (fragment.isEmpty() ? "" : "#" + fragment);
    }
}
