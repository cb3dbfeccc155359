package org.userlm.workbench.tasks;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.userlm.workbench.domain.Task;

/**
 * Reads task files, detecting the format by content (and the {@code .gz} magic bytes):
 * <ul>
 *   <li>a JSON array of Lost-in-Conversation sharded records;</li>
 *   <li>JSON Lines of GSM8K ({@code question}, {@code answer}) records, ids {@code gsm8k/<0-based line>};</li>
 *   <li>JSON Lines of HumanEval ({@code task_id}, {@code prompt}, {@code entry_point}, {@code test});</li>
 *   <li>JSON Lines of LiC records (one sharded record per line).</li>
 * </ul>
 * Any of these may be gzip-compressed. Every problem is a {@link TaskFormatException} naming file,
 * record and field.
 */
public final class TaskFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TaskFiles() {
    }

    /**
     * Loads every task in {@code file}.
     *
     * @param file a {@code .json}, {@code .jsonl} or {@code .jsonl.gz} file
     * @return the tasks in file order
     * @throws TaskFormatException when the file cannot be read, is empty, malformed or has a bad record
     */
    public static List<Task> load(Path file) throws TaskFormatException {
        String name = String.valueOf(file.getFileName());
        byte[] bytes;
        try {
            bytes = InputFiles.read(file, "task file", InputFiles.DEFAULT_MAX_BYTES);
        } catch (IOException e) {
            throw new TaskFormatException(name + ": cannot read file (" + e.getMessage() + ")", e);
        }
        return parse(name, bytes);
    }

    /**
     * Parses task-file content already in memory (used for the bundled set and by tests).
     *
     * @param name  the name shown in error messages
     * @param bytes the raw file content, possibly gzip-compressed
     * @return the tasks in file order
     * @throws TaskFormatException as for {@link #load(Path)}
     */
    public static List<Task> parse(String name, byte[] bytes) throws TaskFormatException {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            bytes = gunzip(name, bytes);
        }
        String text;
        try {
            text = InputFiles.utf8(name, bytes);
        } catch (IOException e) {
            throw new TaskFormatException(e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new TaskFormatException(name + ": file is empty (expected a JSON array of tasks or JSON Lines)");
        }
        if (trimmed.charAt(0) == '[') {
            return parseArray(name, text);
        }
        if (trimmed.charAt(0) == '{') {
            return parseLines(name, text);
        }
        throw new TaskFormatException(name + ": not a task file: expected a JSON array ('[') or JSON Lines "
                + "('{' on each line), found '" + trimmed.charAt(0) + "'");
    }

    private static byte[] gunzip(String name, byte[] bytes) throws TaskFormatException {
        try {
            return InputFiles.gunzip(bytes, name, InputFiles.DEFAULT_MAX_BYTES);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(name + ": decompresses")) {
                throw new TaskFormatException(e.getMessage(), e);
            }
            throw new TaskFormatException(name + ": truncated or corrupt gzip data (" + e.getMessage() + ")", e);
        }
    }

    private static List<Task> parseArray(String name, String text) throws TaskFormatException {
        JsonNode root = readJson(name, text, 0);
        List<Task> tasks = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            RecordContext ctx = new RecordContext(name, "record " + i, root.get(i));
            if (!ctx.node().isObject()) {
                throw ctx.error("must be a JSON object, found " + RecordContext.kind(ctx.node()));
            }
            tasks.add(LicRecords.map(ctx));
        }
        if (tasks.isEmpty()) {
            throw new TaskFormatException(name + ": the JSON array holds no tasks");
        }
        return tasks;
    }

    private static List<Task> parseLines(String name, String text) throws TaskFormatException {
        String[] lines = text.split("\r?\n", -1);
        List<Task> tasks = new ArrayList<>();
        LineFormat format = null;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            JsonNode node = readJson(name, lines[i], i);
            RecordContext ctx = new RecordContext(name, "line " + (i + 1), node);
            if (!node.isObject()) {
                throw ctx.error("must be a JSON object, found " + RecordContext.kind(node));
            }
            if (format == null) {
                format = LineFormat.detect(ctx);
            }
            tasks.add(switch (format) {
                case GSM8K -> UnshardedRecords.gsm8k(ctx, i);
                case HUMANEVAL -> UnshardedRecords.humanEval(ctx);
                case LIC -> LicRecords.map(ctx);
            });
        }
        return tasks;
    }

    private static JsonNode readJson(String name, String text, int lineOffset) throws TaskFormatException {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null) {
                throw new TaskFormatException(name + ": line " + (lineOffset + 1) + ": no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
                throw new TaskFormatException(name + ": line " + (lineOffset + 1) + ": more than one JSON value"
                        + (lineOffset == 0 && text.indexOf('\n') >= 0 ? " (text after the JSON array)"
                        : " on the line (JSON Lines hold exactly one object per line)"), e);
            }
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "line " + (lineOffset + 1)
                    : "line " + (lineOffset + loc.getLineNr()) + ", column " + loc.getColumnNr();
            throw new TaskFormatException(name + ": malformed JSON at " + where + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Which JSON Lines flavour a file is, decided by the first record's keys. */
    private enum LineFormat {
        GSM8K, HUMANEVAL, LIC;

        static LineFormat detect(RecordContext ctx) throws TaskFormatException {
            JsonNode n = ctx.node();
            if (n.has("shards")) {
                return LIC;
            }
            if (n.has("entry_point") || (n.has("prompt") && n.has("test"))) {
                return HUMANEVAL;
            }
            if (n.has("question") || n.has("answer")) {
                return GSM8K;
            }
            throw ctx.error("unknown record type: expected GSM8K (\"question\", \"answer\"), HumanEval "
                    + "(\"task_id\", \"prompt\", \"entry_point\", \"test\") or LiC (\"shards\") fields");
        }
    }
}
