package org.certcheck.conformance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One x509-limbo testcase, reduced to what certcheck can use ({@code max_chain_depth}, {@code crls}
 * and {@code key_usage} are left out: it has no such inputs). PEM text stays PEM until the case is
 * judged, so a certificate the JDK cannot parse is an outcome of that case, not a failure to read
 * the suite.
 *
 * @param id             e.g. {@code rfc5280::nc::permitted-dn-match}
 * @param features       limbo's feature tags, often empty
 * @param description    limbo's description on one line, chain diagrams kept as inline code
 * @param server         {@code validation_kind} is SERVER (CLIENT cases are out of scope)
 * @param trustedPems    {@code trusted_certs}: the only anchors
 * @param intermediatePems {@code untrusted_intermediates}, unordered, may hold irrelevant ones
 * @param peerPem        {@code peer_certificate}
 * @param validationTime {@code validation_time}; empty means "now"
 * @param peerName       {@code expected_peer_name}; empty when limbo gives none
 * @param expectSuccess  {@code expected_result} is SUCCESS
 */
record LimboCase(String id, List<String> features, String description, boolean server, List<String> trustedPems,
                 List<String> intermediatePems, String peerPem, Optional<Instant> validationTime,
                 Optional<PeerName> peerName, boolean expectSuccess) {

    /** {@code expected_peer_name}: kind is DNS, IP or RFC822. */
    record PeerName(String kind, String value) {
        PeerName {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }
    }

    private static final Pattern FENCED = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    LimboCase {
        Objects.requireNonNull(id, "id");
        features = List.copyOf(features);
        Objects.requireNonNull(description, "description");
        trustedPems = List.copyOf(trustedPems);
        intermediatePems = List.copyOf(intermediatePems);
        Objects.requireNonNull(peerPem, "peerPem");
        Objects.requireNonNull(validationTime, "validationTime");
        Objects.requireNonNull(peerName, "peerName");
    }

    /** Reads one element of the suite's {@code testcases} array; names the case when a field is bad. */
    static LimboCase of(JsonNode node) {
        String id = node.path("id").asText("<no id>");
        String result = required(node, id, "expected_result");
        if (!result.equals("SUCCESS") && !result.equals("FAILURE")) {
            throw new IllegalArgumentException(
                    id + ": expected_result \"" + result + "\" is neither SUCCESS nor FAILURE");
        }
        JsonNode time = node.path("validation_time");
        JsonNode name = node.path("expected_peer_name");
        return new LimboCase(id, texts(node.path("features")), oneLine(node.path("description").asText("")),
                "SERVER".equals(node.path("validation_kind").asText()), texts(node.path("trusted_certs")),
                texts(node.path("untrusted_intermediates")), required(node, id, "peer_certificate"),
                time.isTextual() ? Optional.of(OffsetDateTime.parse(time.asText()).toInstant())
                        : Optional.empty(),
                name.isObject() ? Optional.of(new PeerName(required(name, id, "kind"), required(name, id, "value")))
                        : Optional.empty(),
                result.equals("SUCCESS"));
    }

    private static String required(JsonNode node, String id, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(id + ": field \"" + field + "\" is missing or not text");
        }
        return value.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    /** Markdown on one line: a fenced block such as {@code root -> ICA -> EE} becomes inline code. */
    private static String oneLine(String markdown) {
        Matcher fence = FENCED.matcher(markdown);
        StringBuilder text = new StringBuilder();
        while (fence.find()) {
            fence.appendReplacement(text, Matcher.quoteReplacement(
                    "`" + fence.group(1).strip().replaceAll("\\s*\n\\s*", " / ") + "`"));
        }
        fence.appendTail(text);
        return text.toString().replaceAll("\\s+", " ").strip();
    }
}
