package org.certcheck.testing;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;

import org.certcheck.cli.Main;
import org.certcheck.net.Resolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** Runs the real command line in-process and keeps what the user would see. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(String... args) {
        return run(Clock.systemUTC(), Resolver.SYSTEM, args);
    }

    /** Standard input is empty: a test that passes {@code -} must say what it reads. */
    public static CliRun run(Clock clock, Resolver resolver, String... args) {
        return run(clock, resolver, InputStream.nullInputStream(), args);
    }

    /** With {@code stdin} as what {@code -} reads. */
    public static CliRun run(Clock clock, Resolver resolver, InputStream stdin, String... args) {
        return run(clock, resolver, Map.of("NO_COLOR", "1"), stdin, args);
    }

    /** With {@code environment} as the process environment (add NO_COLOR yourself if it matters). */
    public static CliRun withEnvironment(Map<String, String> environment, String... args) {
        return run(Clock.systemUTC(), Resolver.SYSTEM, environment, InputStream.nullInputStream(), args);
    }

    /** With {@code environment} as the process environment (COLUMNS, NO_COLOR, TERM ...). */
    public static CliRun run(Clock clock, Resolver resolver, Map<String, String> environment, InputStream stdin,
            String... args) {
        // As main() builds it: without the subcommands when the arguments cannot reach them.
        CommandLine commandLine = Main.commandLine(clock, resolver, environment, stdin, args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** The stdout of a {@code --output json} run, parsed. */
    public JsonNode json() {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(out);
        } catch (Exception e) {
            throw new AssertionError("stdout is not JSON: " + e.getMessage() + "\n" + out + "\nstderr:\n" + err, e);
        }
        if (document == null || document.isMissingNode()) {
            throw new AssertionError("stdout is empty (exit code " + exitCode + "); stderr:\n" + err);
        }
        return document;
    }

    /** The JSON object of one target, by its {@code host:port}. */
    public JsonNode target(String display) {
        for (JsonNode target : json().get("targets")) {
            if (target.get("target").asText().equals(display)) {
                return target;
            }
        }
        throw new AssertionError("no target " + display + " in\n" + out);
    }

    /**
     * The finding codes of a target's {@code findings}, without {@code tls.no-post-quantum}: that one
     * depends on the TLS engine of the run (Conscrypt offers X25519MLKEM768, the JDK cannot; issue 15),
     * not on what the tests that use this probe; they run on both engines.
     */
    public static java.util.List<String> engineNeutralCodes(JsonNode findings) {
        return findings.findValuesAsText("code").stream().filter(code -> !code.equals("tls.no-post-quantum")).toList();
    }

    /** The message of a target's first finding with {@code code}; fails the test when there is none. */
    public static String message(JsonNode target, String code) {
        for (JsonNode finding : target.get("findings")) {
            if (finding.get("code").asText().equals(code)) {
                return finding.get("message").asText();
            }
        }
        throw new AssertionError("no " + code + " in " + target);
    }
}
