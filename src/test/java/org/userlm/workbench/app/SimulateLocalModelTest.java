package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;

/** simulate --user-local: the UserLM side runs in-process on the golden tiny Llama (its template is UserLM's). */
class SimulateLocalModelTest {
    @TempDir
    Path dir;

    @Test
    void userSideRunsInProcessThroughTheSameRunner() throws Exception {
        Path golden = org.userlm.workbench.tasks.SharedData.goldenModel();
        try (ScriptedOpenAiServer assistant = ScriptedOpenAiServer.start()) {
            assistant.respondWith(req -> Reply.text("Could you say more?"));
            Cli.Result r = Cli.run("simulate", "--tasks", Cli.tasksFile(dir).toString(), "--task-id", "t-math-1",
                    "--user-local", golden.toString(), "--assistant-url", assistant.baseUrl(),
                    "--assistant-model", "a", "--max-turns", "2", "--seed", "1", "--guardrails", "off",
                    "--db", dir.resolve("w.db").toString(), "--out", dir.resolve("o.jsonl").toString());
            assertEquals(0, r.exit(), r.err());
            JsonNode c = new ObjectMapper().readTree(Files.readAllLines(dir.resolve("o.jsonl")).get(0));
            assertEquals("tiny-llama-a", c.get("user_model").asText());
            assertEquals("max_turns", c.get("ended_by").asText(), c.toString());
            JsonNode first = c.get("turns").get(0);
            assertEquals("user", first.get("role").asText());
            assertEquals("complete", first.get("status").asText());
            assertTrue(first.get("completion_tokens").asInt() > 0);
            assertFalse(first.get("content").asText().startsWith("\n"));
            // The assistant saw the locally generated user turn, never the intent.
            // (special-token text the random model emitted is sent neutralised: drop the joiner to compare)
            String seen = assistant.requests().get(0).messages().toString().replace("\u2060", "");
            assertTrue(seen.contains(first.get("content").asText().strip()), seen);
            assertFalse(seen.contains("You are a user"), seen);
        }
    }
}
