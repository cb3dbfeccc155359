package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;

/** A server's "maximum context length" error ends the conversation with context_full and the token count. */
class ContextFullCliTest {
    @TempDir
    Path dir;

    @Test
    void vllmContextErrorEndsWithContextFull() throws Exception {
        try (ScriptedOpenAiServer user = ScriptedOpenAiServer.start();
             ScriptedOpenAiServer asst = ScriptedOpenAiServer.start()) {
            user.respondWith(r -> Reply.text("how many apples does tom have in total"));
            asst.respondWith(r -> Reply.httpError(400, "This model's maximum context length is 8192 tokens. "
                    + "However, you requested 8700 tokens (8444 in the messages, 256 in the completion). "
                    + "Please reduce the length of the messages or completion."));
            Path out = dir.resolve("o.jsonl");
            Cli.Result r = Cli.run("simulate", "--tasks", Cli.tasksFile(dir).toString(), "--task-id", "t-math-1",
                    "--user-url", user.baseUrl(), "--user-model", "u", "--assistant-url", asst.baseUrl(),
                    "--assistant-model", "a", "--db", dir.resolve("w.db").toString(), "--out", out.toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("ended_by=context_full"), r.out());
            assertTrue(r.out().contains("1 context_full"), r.out());
            JsonNode c = new ObjectMapper().readTree(Files.readAllLines(out).get(0));
            String error = c.path("turns").get(1).path("error").asText();
            assertTrue(error.contains("8,700 tokens > context 8,192"), error);
        }
    }
}
