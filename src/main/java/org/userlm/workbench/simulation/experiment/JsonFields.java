package org.userlm.workbench.simulation.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Typed access to the config's JSON fields; every refusal names the key ({@code simulators[1].url}). */
final class JsonFields {
    private JsonFields() {
    }

    static void keys(JsonNode n, Set<String> allowed, String at) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("unknown key \"" + at + k + "\" (allowed: "
                        + new TreeSet<>(allowed) + ")");
            }
        }
    }

    static String text(JsonNode n, String key, String at, boolean required) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(at + " is required");
            }
            return null;
        }
        if (!v.isTextual() || (required && v.asText().isBlank())) {
            throw new IllegalArgumentException(at + " must be a non-empty string, not " + v);
        }
        return v.asText();
    }

    static List<String> strings(JsonNode n, String at) {
        if (!n.isArray()) {
            throw new IllegalArgumentException(at + " must be an array of strings, not " + n);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw new IllegalArgumentException(at + " must be an array of non-empty strings, not " + n);
            }
            out.add(e.asText());
        }
        return out;
    }

    static List<JsonNode> array(JsonNode root, String key) {
        JsonNode a = root.get(key);
        if (a == null || !a.isArray() || a.isEmpty()) {
            throw new IllegalArgumentException(key + " must be a non-empty array");
        }
        List<JsonNode> out = new ArrayList<>();
        a.forEach(out::add);
        return out;
    }

    static Integer optionalInt(JsonNode n, String key, String at, int min) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min) {
            throw new IllegalArgumentException(at + " must be an integer of at least " + min + ", not " + v);
        }
        return v.asInt();
    }
}
