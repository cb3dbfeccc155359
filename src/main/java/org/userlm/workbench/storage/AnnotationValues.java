package org.userlm.workbench.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.userlm.workbench.domain.AnnotationQuestion;
import org.userlm.workbench.domain.QuestionType;

/** Encodes and decodes annotation values (JSON text, see {@link QuestionType}). */
public final class AnnotationValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnnotationValues() {
    }

    /** The value meaning "option {@code option} of this question" (a number for ratings, else a string). */
    public static String ofOption(AnnotationQuestion q, String option) {
        if (q.type() == QuestionType.RATING) {
            return JSON.getNodeFactory().numberNode(Integer.parseInt(option.trim())).toString();
        }
        return JSON.getNodeFactory().textNode(option).toString();
    }

    /** A multi-label value (tags in the given order). */
    public static String ofTags(Collection<String> tags) {
        ArrayNode a = JSON.createArrayNode();
        tags.forEach(a::add);
        return a.toString();
    }

    /** A free-text value. */
    public static String ofText(String text) {
        return JSON.getNodeFactory().textNode(text).toString();
    }

    /** The single label of a scalar value ({@code 3} gives {@code "3"}), or empty for null, arrays, bad JSON. */
    public static Optional<String> label(String valueJson) {
        JsonNode n = parse(valueJson);
        if (n == null || n.isNull() || n.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(n.asText());
    }

    /** The tags of a multi-label value (empty for anything else). */
    public static List<String> tags(String valueJson) {
        JsonNode n = parse(valueJson);
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    /** The value as a JSON tree (for exports), or null. */
    public static JsonNode tree(String valueJson) {
        return parse(valueJson);
    }

    /** A short human-readable form: {@code 3}, {@code clarification}, {@code role_break, intent_drift}. */
    public static String display(String valueJson) {
        JsonNode n = parse(valueJson);
        if (n == null || n.isNull()) {
            return "";
        }
        return n.isArray() ? String.join(", ", tags(valueJson)) : n.asText();
    }

    private static JsonNode parse(String valueJson) {
        if (valueJson == null) {
            return null;
        }
        try {
            return JSON.readTree(valueJson);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
