package org.certcheck.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Prometheus text exposition with Prometheus's own tools rather than string matching:
 * {@code promtool check metrics} (the Go parser and the naming linter of the Prometheus server) and
 * the parser of the official Python client, {@code prometheus_client.parser}. No maintained Java
 * parser of the text format is published, so the tests borrow these from Debian.
 */
public final class PrometheusText {
    /** One sample as the client library parsed it. */
    public record Sample(String family, String type, String name, Map<String, String> labels, double value) {
    }

    private static final String PARSER = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            out = []
            for family in text_string_to_metric_families(sys.stdin.read()):
                for s in family.samples:
                    out.append({"family": family.name, "type": family.type, "name": s.name,
                                "labels": s.labels, "value": s.value})
            print(json.dumps(out))
            """;

    private PrometheusText() {
    }

    /** Exit code and messages of {@code promtool check metrics}: 0 and nothing when the text is clean. */
    public static ExternalTool.Outcome lint(String exposition) throws IOException, InterruptedException {
        return ExternalTool.require("promtool", "prometheus").run(exposition, 60, "check", "metrics");
    }

    /** Every sample, in order; throws if the official client cannot parse the text. */
    public static List<Sample> parse(String exposition) throws IOException, InterruptedException {
        ExternalTool python = pythonWithClient();
        ExternalTool.Outcome outcome = python.run(exposition, 60, "-c", PARSER);
        if (outcome.exitCode() != 0) {
            throw new AssertionError("prometheus_client cannot parse the exposition: " + outcome.err());
        }
        List<Sample> samples = new ArrayList<>();
        for (JsonNode sample : new ObjectMapper().readTree(outcome.out())) {
            Map<String, String> labels = new LinkedHashMap<>();
            sample.get("labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
            samples.add(new Sample(sample.get("family").asText(), sample.get("type").asText(),
                    sample.get("name").asText(), labels, sample.get("value").asDouble()));
        }
        return samples;
    }

    /** Debian's python3 with python3-prometheus-client; not a virtualenv's python that lacks it. */
    private static ExternalTool pythonWithClient() throws IOException, InterruptedException {
        ExternalTool debian = new ExternalTool(java.nio.file.Path.of("/usr/bin/python3"));
        if (java.nio.file.Files.isExecutable(debian.program())
                && debian.run("", 30, "-c", "import prometheus_client").exitCode() == 0) {
            return debian;
        }
        return ExternalTool.require("python3-with-prometheus-client", "python3-prometheus-client");
    }
}
