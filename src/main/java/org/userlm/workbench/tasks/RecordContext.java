package org.userlm.workbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Where a record sits in a task file, used to read its fields and to word errors that name file, record
 * and field.
 *
 * @param fileName file name shown in messages
 * @param where    position, e.g. {@code record 3} or {@code line 12}
 * @param node     the record's JSON object
 */
record RecordContext(String fileName, String where, JsonNode node) {

    /** The record's {@code task_id} when it is a string, else null. */
    String taskId() {
        JsonNode id = node.get("task_id");
        return id != null && id.isTextual() ? id.asText() : null;
    }

    /** An error about the whole record or one of its fields. */
    TaskFormatException error(String what) {
        String id = taskId();
        return new TaskFormatException(fileName + ": " + where + (id == null ? "" : " (" + id + ")") + ": " + what);
    }

    /** An error about one field. */
    TaskFormatException fieldError(String field, String what) {
        return error("field \"" + field + "\" " + what);
    }

    /** A required string field. */
    String text(String field) throws TaskFormatException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw fieldError(field, "is missing");
        }
        if (!v.isTextual()) {
            throw fieldError(field, "must be a string, found " + kind(v));
        }
        return v.asText();
    }

    /** An optional string field: null when absent or null; an error when present with another type. */
    String optText(String field) throws TaskFormatException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw fieldError(field, "must be a string, found " + kind(v));
        }
        return v.asText();
    }

    /** Short name of a JSON node type for messages. */
    static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case NULL, MISSING -> "null";
            default -> v.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }
}
