package org.userlm.workbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.userlm.workbench.domain.CodeSpec;
import org.userlm.workbench.domain.Shard;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;

/**
 * Maps one Lost-in-Conversation sharded record to a {@link Task}: math ({@code question}, {@code answer}),
 * code (HumanEval-derived or LiveCodeBench-derived) and every other task as {@link TaskKind#OTHER}.
 * LiveCodeBench {@code private_test_cases} are kept exactly as found (never unpickled here).
 */
final class LicRecords {
    private static final String SHARDS_SHAPE = "must be a list of {shard_id, shard}";

    private LicRecords() {
    }

    /** Maps a record; {@code ctx.node()} must be a JSON object. */
    static Task map(RecordContext ctx) throws TaskFormatException {
        String id = ctx.text("task_id");
        String taskName = ctx.text("task");
        TaskKind kind = TaskKind.fromWire(taskName);
        List<Shard> shards = shards(ctx);
        String recordSource = ctx.optText("source");
        String source = "bundled".equals(recordSource) ? "bundled"
                : recordSource == null ? "lic" : "lic/" + recordSource;
        return switch (kind) {
            case MATH -> {
                String question = ctx.text("question");
                String answer = ctx.text("answer");
                if (!answer.contains("####")) {
                    throw ctx.fieldError("answer", "must end with \"#### <number>\"");
                }
                yield new Task(id, kind, source, title(shards, question), question, shards, answer, null);
            }
            case CODE -> code(ctx, id, source, shards);
            case OTHER -> {
                String question = firstText(ctx, "fully_specified_question", "question", "query");
                if (question == null) {
                    question = joinShards(shards);
                }
                yield new Task(id, kind, source, title(shards, question), question, shards, null, null);
            }
        };
    }

    private static Task code(RecordContext ctx, String id, String source, List<Shard> shards)
            throws TaskFormatException {
        String funcName = funcName(ctx);
        String prompt = ctx.optText("prompt");
        String content = ctx.optText("question_content");
        if (prompt == null && content == null) {
            throw ctx.fieldError("prompt", "is missing (a code record needs \"prompt\" or \"question_content\")");
        }
        String publicTests = ctx.optText("public_test_cases");
        String checkCode = ctx.optText("test");
        if (publicTests == null && checkCode == null) {
            throw ctx.fieldError("public_test_cases", "is missing (a code record needs tests)");
        }
        String starter = ctx.optText("starter_code");
        CodeSpec spec = new CodeSpec(funcName, prompt == null ? "" : prompt, starter == null ? "" : starter,
                publicTests, ctx.optText("private_test_cases"), checkCode, PythonImports.of(prompt));
        String question = prompt != null ? prompt : content;
        return new Task(id, TaskKind.CODE, source, title(shards, question), question, shards, null, spec);
    }

    private static String funcName(RecordContext ctx) throws TaskFormatException {
        JsonNode meta = ctx.node().get("metadata");
        if (meta != null && !meta.isNull()) {
            if (!meta.isObject()) {
                throw ctx.fieldError("metadata", "must be an object with \"func_name\"");
            }
            JsonNode fn = meta.get("func_name");
            if (fn != null && fn.isTextual() && !fn.asText().isBlank()) {
                return fn.asText();
            }
            if (fn != null && !fn.isNull()) {
                throw ctx.fieldError("metadata.func_name", "must be a non-empty string");
            }
        }
        String entry = ctx.optText("entry_point");
        if (entry == null) {
            throw ctx.fieldError("metadata.func_name", "is missing");
        }
        return entry;
    }

    private static List<Shard> shards(RecordContext ctx) throws TaskFormatException {
        JsonNode arr = ctx.node().get("shards");
        if (arr == null || arr.isNull()) {
            throw ctx.fieldError("shards", "is missing");
        }
        if (!arr.isArray()) {
            throw ctx.fieldError("shards", SHARDS_SHAPE + ", found " + RecordContext.kind(arr));
        }
        List<Shard> out = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            JsonNode s = arr.get(i);
            JsonNode sid = s.isObject() ? s.get("shard_id") : null;
            JsonNode text = s.isObject() ? (s.has("shard") ? s.get("shard") : s.get("shard_text")) : null;
            if (sid == null || !sid.canConvertToInt() || !sid.isIntegralNumber()
                    || text == null || !text.isTextual()) {
                throw ctx.fieldError("shards", SHARDS_SHAPE + " (entry " + i + " is not)");
            }
            out.add(new Shard(sid.intValue(), text.asText()));
        }
        return out;
    }

    /**
     * The first of {@code fields} with usable text. Lenient on purpose (other LiC tasks vary): a string is
     * taken as is; a list or object (BFCL's list of chat messages) gives its {@code content} strings joined.
     */
    private static String firstText(RecordContext ctx, String... fields) {
        for (String f : fields) {
            JsonNode v = ctx.node().get(f);
            String text = null;
            if (v != null && v.isTextual()) {
                text = v.asText();
            } else if (v != null && v.isContainerNode()) {
                text = String.join("\n", v.findValuesAsText("content"));
            }
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    private static String joinShards(List<Shard> shards) {
        StringBuilder sb = new StringBuilder();
        for (Shard s : shards) {
            if (!s.text().isBlank()) {
                sb.append(sb.length() == 0 ? "" : "\n").append(s.text());
            }
        }
        return sb.toString();
    }

    /** Title from the first non-empty shard (normally shard 1), else from the question. */
    private static String title(List<Shard> shards, String question) {
        for (Shard s : shards) {
            if (!s.text().isBlank()) {
                return Titles.of(s.text());
            }
        }
        return Titles.of(question);
    }
}
