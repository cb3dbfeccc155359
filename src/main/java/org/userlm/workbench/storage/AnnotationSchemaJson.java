package org.userlm.workbench.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.userlm.workbench.domain.AnnotationQuestion;
import org.userlm.workbench.domain.AnnotationSchema;
import org.userlm.workbench.domain.AnnotationScope;
import org.userlm.workbench.domain.QuestionType;

/**
 * The JSON form of an annotation schema (stored in SQLite, exported and edited as text):
 * {@code {id, name, version, questions: [{key, prompt, scope, type, options, required}]}} with lower-case
 * scopes ({@code user_turn|assistant_turn|conversation}) and types ({@code single_choice|multi_label|rating|
 * yes_no|text}).
 */
public final class AnnotationSchemaJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String DEFAULT_RESOURCE = "/annotation/default-schema.json";

    private AnnotationSchemaJson() {
    }

    /** The schema bundled for this research (user turns, assistant turns with the LiC categories, conversation). */
    public static AnnotationSchema defaultSchema() {
        try (InputStream in = AnnotationSchemaJson.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new StorageException("bundled annotation schema " + DEFAULT_RESOURCE + " missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StorageException("cannot read bundled annotation schema", e);
        }
    }

    /** Pretty-printed JSON. */
    public static String toJson(AnnotationSchema s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.id());
        o.put("name", s.name());
        o.put("version", s.version());
        ArrayNode qs = o.putArray("questions");
        for (AnnotationQuestion q : s.questions()) {
            ObjectNode n = qs.addObject();
            n.put("key", q.key());
            n.put("prompt", q.prompt());
            n.put("scope", q.scope().wire());
            n.put("type", q.type().wire());
            ArrayNode opts = n.putArray("options");
            q.options().forEach(opts::add);
            n.put("required", q.required());
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses and validates a schema.
     *
     * @throws IllegalArgumentException with a message fit for the user when the JSON is not a valid schema
     */
    public static AnnotationSchema parse(String json) {
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject() || !o.path("id").isTextual() || !o.path("questions").isArray()) {
            throw new IllegalArgumentException("a schema needs a text \"id\" and a \"questions\" array");
        }
        List<AnnotationQuestion> qs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode n : o.get("questions")) {
            AnnotationQuestion q = question(n);
            if (!keys.add(q.key())) {
                throw new IllegalArgumentException("question key \"" + q.key() + "\" appears twice");
            }
            qs.add(q);
        }
        return new AnnotationSchema(o.get("id").asText(), o.path("name").asText(o.get("id").asText()),
                o.path("version").asInt(1), qs);
    }

    private static AnnotationQuestion question(JsonNode n) {
        String key = n.path("key").asText("");
        if (key.isBlank()) {
            throw new IllegalArgumentException("every question needs a \"key\"");
        }
        try {
            QuestionType type = QuestionType.fromWire(n.path("type").asText(""));
            List<String> options = new ArrayList<>();
            n.path("options").forEach(x -> options.add(x.asText()));
            boolean choice = type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTI_LABEL;
            if (choice && options.isEmpty()) {
                throw new IllegalArgumentException("question \"" + key + "\" needs options");
            }
            if (type == QuestionType.RATING) {
                options.forEach(Integer::parseInt);
            }
            return new AnnotationQuestion(key, n.path("prompt").asText(key),
                    AnnotationScope.fromWire(n.path("scope").asText("")), type, options,
                    n.path("required").asBoolean(type != QuestionType.TEXT));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rating question \"" + key + "\" needs integer options");
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("question")) {
                throw e;
            }
            throw new IllegalArgumentException("question \"" + key + "\": unknown scope or type");
        }
    }
}
