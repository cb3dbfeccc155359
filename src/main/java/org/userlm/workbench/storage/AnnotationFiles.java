package org.userlm.workbench.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.userlm.workbench.domain.Annotation;

/**
 * Annotation exports. JSON Lines: one object per answer with {@code id, annotator, conversation_id, task_id,
 * simulator, user_model, assistant_model, turn_index, role, content, schema_id, question, value, updated_at}
 * ({@code value} is the JSON value itself). The same file is what {@link #readJsonl} imports. CSV: the same
 * columns with RFC 4180 quoting, {@code value} as text (tags joined by {@code |}) plus {@code value_json}.
 */
public final class AnnotationFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CSV_COLUMNS = List.of("id", "annotator", "conversation_id", "task_id",
            "simulator", "user_model", "assistant_model", "turn_index", "role", "content", "schema_id", "question",
            "value", "value_json", "updated_at");

    private AnnotationFiles() {
    }

    /** Writes one JSON object per row. */
    public static void writeJsonl(List<AnnotationRow> rows, Writer out) throws IOException {
        for (AnnotationRow r : rows) {
            out.write(JSON.writeValueAsString(toJson(r)));
            out.write('\n');
        }
        out.flush();
    }

    /** One row as a JSON object. */
    public static ObjectNode toJson(AnnotationRow r) {
        Annotation a = r.annotation();
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.id());
        o.put("annotator", a.annotator());
        o.put("conversation_id", a.conversationId());
        o.put("task_id", r.taskId());
        o.put("simulator", r.simulator());
        o.put("user_model", r.userModel());
        o.put("assistant_model", r.assistantModel());
        o.put("turn_index", a.turnIndex());
        o.put("role", r.role());
        o.put("content", r.content());
        o.put("schema_id", a.schemaId());
        o.put("question", a.questionKey());
        o.set("value", AnnotationValues.tree(a.valueJson()));
        o.put("updated_at", a.updatedAtMs());
        return o;
    }

    /** Writes a header line and one CSV record per row (RFC 4180: CRLF, quotes doubled). */
    public static void writeCsv(List<AnnotationRow> rows, Writer out) throws IOException {
        out.write(csvLine(CSV_COLUMNS));
        for (AnnotationRow r : rows) {
            Annotation a = r.annotation();
            String value = a.valueJson() != null && a.valueJson().trim().startsWith("[")
                    ? String.join("|", AnnotationValues.tags(a.valueJson()))
                    : AnnotationValues.display(a.valueJson());
            out.write(csvLine(List.of(a.id(), a.annotator(), a.conversationId(), nz(r.taskId()), nz(r.simulator()),
                    nz(r.userModel()), nz(r.assistantModel()), Integer.toString(a.turnIndex()), nz(r.role()),
                    nz(r.content()), nz(a.schemaId()), a.questionKey(), value, nz(a.valueJson()),
                    Long.toString(a.updatedAtMs()))));
        }
        out.flush();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String csvLine(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.append("\r\n").toString();
    }

    /**
     * Reads answers from a JSON Lines export (blank lines skipped).
     *
     * @throws IOException when a line is not an annotation object (the message names the line)
     */
    public static List<Annotation> readJsonl(Reader in) throws IOException {
        List<Annotation> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(in);
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(fromJson(JSON.readTree(line)));
            } catch (IOException | RuntimeException e) {
                throw new IOException("line " + n + ": not an annotation (" + e.getMessage() + ")", e);
            }
        }
        return out;
    }

    private static Annotation fromJson(JsonNode o) {
        for (String f : List.of("id", "annotator", "conversation_id", "question", "turn_index", "updated_at")) {
            if (!o.hasNonNull(f)) {
                throw new IllegalArgumentException("missing \"" + f + "\"");
            }
        }
        JsonNode v = o.get("value");
        return new Annotation(o.get("id").asText(), o.path("schema_id").isNull() ? null : o.path("schema_id").asText(null),
                o.get("annotator").asText(), o.get("conversation_id").asText(), o.get("turn_index").asInt(),
                o.get("question").asText(), v == null || v.isNull() ? null : v.toString(),
                o.get("updated_at").asLong());
    }
}
