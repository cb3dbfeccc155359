package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.testing.RecordedRequest;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;

/** {@code grade --grader lic|strict [--judge-url --judge-model]}: the contract's flags and JSON fields. */
class GradeModesCliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path tasks;

    @BeforeEach
    void tasks() throws Exception {
        tasks = dir.resolve("t.json");
        Files.writeString(tasks, """
                [{"task_id": "shells", "task": "math",
                  "question": "Leigh has 48 shells for 3 friends. How many does each get?",
                  "answer": "48/3=16\\n#### 16", "shards": [{"shard_id": 1, "shard": "shells for friends"}]},
                 {"task_id": "price", "task": "math", "question": "What does it cost?",
                  "answer": "#### 60", "shards": [{"shard_id": 1, "shard": "what does it cost"}]}]
                """);
    }

    JsonNode grade(String taskId, String answer, String... more) throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), answer);
        String[] base = {"grade", "--tasks", tasks.toString(), "--task-id", taskId, "--answer", a.toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exit(), r.err());
        return JSON.readTree(r.lastLine());
    }

    @Test
    void licIsTheDefaultAndStrictIsOurs() throws Exception {
        JsonNode lic = grade("price", "$60.00");
        assertEquals("lic", lic.path("grader").asText());
        assertEquals(false, lic.path("correct").asBoolean(), "LiC's rstrip turns $60.00 into 6: " + lic);
        assertEquals("$60.00", lic.path("extracted").asText());
        JsonNode strict = grade("price", "$60.00", "--grader", "strict");
        assertEquals("strict", strict.path("grader").asText());
        assertEquals(true, strict.path("correct").asBoolean(), strict.toString());
        JsonNode none = grade("price", "no number");
        assertTrue(none.path("extracted").isNull());
        assertTrue(none.has("detail"));
    }

    @Test
    void theJudgeExtractsTheMathAnswerFirst() throws Exception {
        try (ScriptedOpenAiServer judge = ScriptedOpenAiServer.start()) {
            judge.respondWith(r -> Reply.text("{\"answer\": \"16\"}"));
            String turn = "Leigh has 16 shells (48 / 3).";
            assertEquals(false, grade("shells", turn).path("correct").asBoolean(), "without the judge: the 3");
            JsonNode j = grade("shells", turn, "--judge-url", judge.baseUrl(), "--judge-model", "judge-m");
            assertEquals(true, j.path("correct").asBoolean(), j.toString());
            assertEquals("16", j.path("extracted").asText());
            RecordedRequest req = judge.requests().get(0);
            assertEquals("judge-m", req.model());
            assertEquals(1, req.messages().size());
            assertTrue(req.lastMessage().contains(turn), "the judge reads the answer");
            assertEquals(0.0, req.field("temperature").asDouble());
        }
    }

    @Test
    void aJudgeCopyThatIsNotInTheReplyIsRefusedThreeTimes() throws Exception {
        try (ScriptedOpenAiServer judge = ScriptedOpenAiServer.start()) {
            judge.respondWith(r -> Reply.text("{\"answer\": \"sixteen\"}"));
            JsonNode j = grade("shells", "Each friend gets 16.", "--judge-url", judge.baseUrl(), "--judge-model",
                    "m");
            assertEquals(false, j.path("correct").asBoolean());
            assertEquals(3, judge.requests().stream().filter(RecordedRequest::isChat).count());
        }
    }

    @Test
    void badFlagsAndAnUnreachableJudgeAreOneClearMessage() throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "16");
        Cli.Result bad = Cli.run("grade", "--tasks", tasks.toString(), "--task-id", "shells", "--answer",
                a.toString(), "--grader", "loose");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("lic or strict"), bad.err());
        Cli.Result half = Cli.run("grade", "--tasks", tasks.toString(), "--task-id", "shells", "--answer",
                a.toString(), "--judge-url", "http://127.0.0.1:9/v1");
        assertEquals(2, half.exit());
        Cli.Result down = Cli.run("grade", "--tasks", tasks.toString(), "--task-id", "shells", "--answer",
                a.toString(), "--judge-url", "http://127.0.0.1:9/v1", "--judge-model", "m");
        assertEquals(3, down.exit(), down.err());
        assertTrue(down.err().startsWith("grade: the judge failed"), down.err());
    }
}
