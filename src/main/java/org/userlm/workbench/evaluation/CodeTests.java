package org.userlm.workbench.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads LiC test lists ({@code [{input, output, testtype}]}), public or private (plain JSON or a blob). */
final class CodeTests {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One call-based test.
     *
     * @param label    e.g. {@code public test 2/3}
     * @param input    one JSON value per argument, joined by newlines
     * @param output   expected value as JSON text
     * @param testType {@code functional} (call-based) or another LiveCodeBench type
     */
    record CallTest(String label, String input, String output, String testType) {
    }

    private CodeTests() {
    }

    /** Parses a JSON test list. */
    static List<CallTest> parse(String kind, String json) {
        JsonNode arr;
        try {
            arr = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(kind + " tests are not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (arr == null || !arr.isArray()) {
            throw new IllegalArgumentException(kind + " tests must be a JSON list of {input, output, testtype}");
        }
        List<CallTest> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode t = arr.get(i);
            if (!t.path("input").isTextual() || !t.path("output").isTextual()) {
                throw new IllegalArgumentException(kind + " test " + (i + 1) + " needs string \"input\" and \"output\"");
            }
            out.add(new CallTest(kind + " test " + (i + 1) + "/" + arr.size(), t.get("input").asText(),
                    t.get("output").asText(), t.path("testtype").asText("functional")));
        }
        return out;
    }

    /** Private tests: plain JSON when they parse as such, else the base64/zlib/pickled-str blob. */
    static List<CallTest> parsePrivate(String raw) {
        String s = raw.strip();
        if (s.startsWith("[")) {
            return parse("private", s);
        }
        return parse("private", SafePickle.decodeBlob(s));
    }
}
