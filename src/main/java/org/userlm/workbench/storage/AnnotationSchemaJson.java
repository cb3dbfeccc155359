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
import java.util.Optional;
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
        for (JsonNode n : o.get("questions")) {
            qs.add(question(n));
        }
        AnnotationSchema schema = new AnnotationSchema(o.get("id").asText(),
                o.path("name").asText(o.get("id").asText()), o.path("version").asInt(1), qs);
        List<String> problems = problems(schema);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0));
        }
        return schema;
    }

    /**
     * What is wrong with a schema, one message per problem in question order (empty when it is valid): the
     * checks {@link #parse} applies, for editors that show them beside the question.
     */
    public static List<String> problems(AnnotationSchema s) {
        List<String> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (AnnotationQuestion q : s.questions()) {
            problem(q).ifPresent(out::add);
            if (!q.key().isBlank() && !keys.add(q.key())) {
                out.add("question key \"" + q.key() + "\" appears twice");
            }
        }
        return out;
    }

    /** What is wrong with one question on its own (blank key, a choice without options, a bad rating scale). */
    public static Optional<String> problem(AnnotationQuestion q) {
        String key = q.key();
        if (key.isBlank()) {
            return Optional.of("every question needs a \"key\"");
        }
        boolean choice = q.type() == QuestionType.SINGLE_CHOICE || q.type() == QuestionType.MULTI_LABEL;
        if (choice && (q.options().isEmpty() || q.options().stream().anyMatch(String::isBlank))) {
            return Optional.of("question \"" + key + "\" needs options (none blank)");
        }
        if (q.type() == QuestionType.RATING) {
            List<Integer> values = new ArrayList<>();
            try {
                q.options().forEach(x -> values.add(Integer.parseInt(x.strip())));
            } catch (NumberFormatException e) {
                return Optional.of("rating question \"" + key + "\" needs integer options");
            }
            for (int i = 1; i < values.size(); i++) {
                if (values.get(i) <= values.get(i - 1)) {
                    return Optional.of("rating question \"" + key
                            + "\" needs its values in increasing order (min below max)");
                }
            }
            if (values.size() < 2) {
                return Optional.of("rating question \"" + key + "\" needs at least two values (min below max)");
            }
        }
        return Optional.empty();
    }

    private static AnnotationQuestion question(JsonNode n) {
        String key = n.path("key").asText("");
        List<String> options = new ArrayList<>();
        n.path("options").forEach(x -> options.add(x.asText()));
        QuestionType type;
        AnnotationScope scope;
        try {
            type = QuestionType.fromWire(n.path("type").asText(""));
            scope = AnnotationScope.fromWire(n.path("scope").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key.isBlank() ? "every question needs a \"key\""
                    : "question \"" + key + "\": unknown scope or type");
        }
        // Empty options of a rating or yes/no question get the type's defaults (1..5, yes/no) from the record.
        return new AnnotationQuestion(key, n.path("prompt").asText(key), scope, type, options,
                n.path("required").asBoolean(type != QuestionType.TEXT));
    }
}
