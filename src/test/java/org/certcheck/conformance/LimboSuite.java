package org.certcheck.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Streams the testcases of an x509-limbo {@code limbo.json} one at a time: the file is ~41 MB, and
 * only the case being judged is held as a tree.
 */
final class LimboSuite {
    private LimboSuite() {
    }

    /** Hands every element of the top-level {@code testcases} array to {@code each}, in file order. */
    static void forEachNode(Path file, Consumer<JsonNode> each) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (JsonParser parser = mapper.getFactory().createParser(file.toFile())) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, file, parser);
            boolean found = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals("testcases")) {
                    parser.skipChildren();
                    continue;
                }
                found = true;
                expect(value, JsonToken.START_ARRAY, file, parser);
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    each.accept(mapper.readTree(parser));
                }
            }
            if (!found) {
                throw new IOException(file + ": no \"testcases\" array; is this an x509-limbo limbo.json?");
            }
        }
    }

    private static void expect(JsonToken seen, JsonToken wanted, Path file, JsonParser parser) throws IOException {
        if (seen != wanted) {
            throw new IOException(file + ":" + parser.currentLocation().getLineNr() + ": expected " + wanted
                    + " but found " + seen + "; is this an x509-limbo limbo.json?");
        }
    }
}
