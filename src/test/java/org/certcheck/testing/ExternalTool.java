package org.certcheck.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program from a Debian package that a test needs (promtool, chromium, python3 with a library):
 * found on the PATH, run with a time limit. Outside CI a missing tool skips the test with the
 * package to install; in CI ({@code CI=true}) it fails it, because {@code .ci/run} installs them all.
 */
public record ExternalTool(Path program) {

    /** The result of one run. */
    public record Outcome(int exitCode, String out, String err) {
    }

    /** {@code name} from the PATH, else skip (or fail in CI) naming {@code debianPackage}. */
    public static ExternalTool require(String name, String debianPackage) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return new ExternalTool(candidate);
            }
        }
        String message = name + " is not installed: apt-get install -y " + debianPackage
                + " (.ci/run installs it in CI)";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        assumeTrue(false, message);
        throw new IllegalStateException("unreachable");
    }

    /** Runs the program with {@code args}, {@code stdin} as its input, for at most {@code seconds}. */
    public Outcome run(String stdin, int seconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(args));
        Path in = Files.createTempFile("certcheck-tool-in", ".txt");
        Path out = Files.createTempFile("certcheck-tool-out", ".txt");
        Path err = Files.createTempFile("certcheck-tool-err", ".txt");
        try {
            Files.writeString(in, stdin);
            Process process = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(program.getFileName() + " did not finish within " + seconds + " s: "
                        + Files.readString(err));
            }
            return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
