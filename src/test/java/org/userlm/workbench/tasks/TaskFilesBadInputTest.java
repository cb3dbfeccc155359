package org.userlm.workbench.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.Task;

class TaskFilesBadInputTest {
    private static final String GOOD_MATH = "{\"task_id\": \"m-%d\", \"task\": \"math\", \"question\": \"q?\","
            + " \"answer\": \"1+1=2\\n#### 2\", \"shards\": [{\"shard_id\": 1, \"shard\": \"goal\"}]}";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private String failure(Path file) {
        return assertThrows(TaskFormatException.class, () -> TaskFiles.load(file)).getMessage();
    }

    @Test
    void malformedJsonNamesFileAndLine() throws Exception {
        Path f = write("tasks.json", "[\n" + GOOD_MATH.formatted(0) + ",\n{\"task_id\": \"x\",, }\n]");
        String msg = failure(f);
        assertTrue(msg.startsWith("tasks.json: malformed JSON at line 3"), msg);
    }

    @Test
    void malformedJsonlLineNamesLine() throws Exception {
        Path f = write("test.jsonl", "{\"question\": \"a\", \"answer\": \"#### 1\"}\n{\"question\": \"b\"\n");
        String msg = failure(f);
        assertTrue(msg.startsWith("test.jsonl: malformed JSON at line 2"), msg);
    }

    @Test
    void missingFieldNamesRecordIdAndField() throws Exception {
        String bad = "{\"task_id\": \"sharded-GSM8K/40\", \"task\": \"math\", \"answer\": \"#### 2\", \"shards\": []}";
        Path f = write("tasks.json", "[" + GOOD_MATH.formatted(0) + "," + GOOD_MATH.formatted(1) + ","
                + GOOD_MATH.formatted(2) + "," + bad + "]");
        assertEquals("tasks.json: record 3 (sharded-GSM8K/40): field \"question\" is missing", failure(f));
    }

    @Test
    void wrongShardsTypeNamesField() throws Exception {
        String bad = GOOD_MATH.formatted(7).replace("[{\"shard_id\": 1, \"shard\": \"goal\"}]", "\"goal\"");
        String msg = failure(write("tasks.json", "[" + bad + "]"));
        assertEquals("tasks.json: record 0 (m-7): field \"shards\" must be a list of {shard_id, shard}, found a string", msg);
        String badEntry = GOOD_MATH.formatted(8).replace("\"shard_id\": 1", "\"shard_id\": \"one\"");
        assertTrue(failure(write("t2.json", "[" + badEntry + "]")).contains("record 0 (m-8): field \"shards\""));
    }

    @Test
    void wrongTypeInJsonlNamesLineAndField() throws Exception {
        Path f = write("HumanEval.jsonl", "{\"task_id\": \"HumanEval/9\", \"prompt\": \"def f():\\n\", "
                + "\"entry_point\": 5, \"test\": \"def check(c): pass\"}\n");
        assertEquals("HumanEval.jsonl: line 1 (HumanEval/9): field \"entry_point\" must be a string, found a number",
                failure(f));
    }

    @Test
    void shardTextKeyIsAccepted() throws Exception {
        String alt = GOOD_MATH.formatted(3).replace("\"shard\":", "\"shard_text\":");
        List<Task> tasks = TaskFiles.load(write("alt.json", "[" + alt + "]"));
        assertEquals("goal", tasks.get(0).shards().get(0).text());
    }

    @Test
    void truncatedGzipIsAClearError() throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            for (int i = 0; i < 50; i++) {
                gz.write(("{\"question\": \"q" + i + "\", \"answer\": \"#### " + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] all = bos.toByteArray();
        Path whole = dir.resolve("ok.jsonl.gz");
        Files.write(whole, all);
        assertEquals(50, TaskFiles.load(whole).size());
        Path cut = dir.resolve("cut.jsonl.gz");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        String msg = failure(cut);
        assertTrue(msg.startsWith("cut.jsonl.gz: truncated or corrupt gzip data"), msg);
    }

    @Test
    void emptyAndUnknownFiles() throws Exception {
        assertTrue(failure(write("empty.json", "  \n")).startsWith("empty.json: file is empty"));
        assertTrue(failure(write("arr.json", "[]")).startsWith("arr.json: the JSON array holds no tasks"));
        assertTrue(failure(write("x.jsonl", "{\"foo\": 1}\n")).contains("x.jsonl: line 1: unknown record type"));
        assertTrue(failure(dir.resolve("missing.json")).startsWith("missing.json: cannot read file"));
    }

    @Test
    void mathAnswerWithoutHashesIsRejected() throws Exception {
        String bad = GOOD_MATH.formatted(4).replace("#### 2", "2");
        assertEquals("m.json: record 0 (m-4): field \"answer\" must end with \"#### <number>\"",
                failure(write("m.json", "[" + bad + "]")));
    }
}
