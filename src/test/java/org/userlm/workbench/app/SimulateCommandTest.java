package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.testing.RecordedRequest;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;

/** The simulate and export commands against scripted OpenAI-compatible servers on loopback. */
class SimulateCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    ScriptedOpenAiServer userServer;
    ScriptedOpenAiServer assistantServer;
    Path tasks;

    @BeforeEach
    void start() throws Exception {
        userServer = ScriptedOpenAiServer.start();
        assistantServer = ScriptedOpenAiServer.start();
        tasks = Cli.tasksFile(dir);
    }

    @AfterEach
    void stop() {
        userServer.close();
        assistantServer.close();
    }

    List<String> base(String... more) {
        List<String> a = new ArrayList<>(List.of("simulate", "--tasks", tasks.toString(),
                "--user-url", userServer.baseUrl(), "--user-model", "microsoft/UserLM-8b",
                "--assistant-url", assistantServer.baseUrl(), "--assistant-model", "assistant-x",
                "--db", dir.resolve("w.db").toString(), "--out", dir.resolve("out.jsonl").toString()));
        a.addAll(List.of(more));
        return a;
    }

    List<JsonNode> out() throws Exception {
        List<JsonNode> list = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("out.jsonl"))) {
            list.add(JSON.readTree(line));
        }
        return list;
    }

    static List<String> contents(JsonNode conv) {
        List<String> out = new ArrayList<>();
        conv.get("turns").forEach(t -> out.add(t.get("content").asText()));
        return out;
    }

    @Test
    void userLmConversationFollowsTheProtocolEndToEnd() throws Exception {
        userServer.enqueue(
                Reply.text("\n<|endconversation|>"),
                Reply.text("\nI want to count apples"),
                Reply.text("\nhow many apples does tom have").chunkSize(4),
                Reply.text("\nhe has 3 boxes with 4 each"),
                Reply.text("\ngreat thanks<|endconversation|> blah blah junk after").chunkSize(3));
        assistantServer.enqueue(Reply.text("Could you give me more details?"), Reply.text("Then Tom has 12 apples."));

        Cli.Result r = Cli.run(base("--task-id", "t-math-1", "--seed", "7").toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.lastLine().startsWith("summary: 1 conversation: 1 user_ended"), r.out());

        JsonNode c = out().get(0);
        assertEquals("t-math-1", c.get("task_id").asText());
        assertEquals("userlm", c.get("simulator").asText());
        assertEquals("microsoft/UserLM-8b", c.get("user_model").asText());
        assertEquals("assistant-x", c.get("assistant_model").asText());
        assertEquals("user_ended", c.get("ended_by").asText());
        assertEquals(List.of("how many apples does tom have", "Could you give me more details?",
                "he has 3 boxes with 4 each", "Then Tom has 12 apples.", "great thanks"), contents(c));
        JsonNode t0 = c.get("turns").get(0);
        assertEquals("user", t0.get("role").asText());
        assertEquals("complete", t0.get("status").asText());
        assertEquals("avoid_termination", t0.get("guardrail_events").get(0).get("rule").asText());
        assertEquals("<|endconversation|>", t0.get("guardrail_events").get(0).get("rejected_text").asText());
        assertEquals("filter_first_tokens", t0.get("guardrail_events").get(1).get("rule").asText());
        assertEquals("I want to count apples", t0.get("guardrail_events").get(1).get("rejected_text").asText());
        assertEquals("assistant", c.get("turns").get(1).get("role").asText());

        // The UserLM sees the intent as its system message and ordinary roles.
        List<RecordedRequest> u = userServer.requests();
        assertEquals(5, u.size());
        List<ChatMessage> fourth = u.get(3).messages();
        assertEquals(Role.SYSTEM, fourth.get(0).role());
        assertTrue(fourth.get(0).content().startsWith("You are a user who wants to"));
        assertEquals(List.of(ChatMessage.user("how many apples does tom have"),
                ChatMessage.assistant("Could you give me more details?")), fourth.subList(1, 3));
        assertFalse(u.get(0).body().get("skip_special_tokens").asBoolean(true), "vLLM must keep the end marker");
        assertTrue(u.get(0).strings("bad_words").contains("<|endconversation|>"), "end banned on turn 1");
        assertNotEquals(u.get(0).body().get("seed"), u.get(1).body().get("seed"), "redraws use new seeds");
        // The assistant never sees the intent; the user model never sees the assistant's system prompt.
        for (RecordedRequest a : assistantServer.requests()) {
            String all = a.messages().toString();
            assertFalse(all.contains("You are a user"), all);
            assertFalse(all.contains("Tom has 3 boxes of 4 apples"), all);
        }
        String sys = assistantServer.requests().get(0).messages().get(0).content();
        for (RecordedRequest q : u) {
            assertFalse(q.messages().toString().contains(sys));
        }
        // export reproduces the same JSONL from the database
        Cli.Result e = Cli.run("export", "--db", dir.resolve("w.db").toString(), "--out",
                dir.resolve("export.jsonl").toString());
        assertEquals(0, e.exit(), e.err());
        assertEquals(Files.readString(dir.resolve("out.jsonl")), Files.readString(dir.resolve("export.jsonl")));
    }

    @Test
    void promptedUserGetsSwappedRoles() throws Exception {
        userServer.enqueue(Reply.text("hey can you help me count apples"), Reply.text("3 boxes, 4 apples each"),
                Reply.text("<|endconversation|>"));
        assistantServer.enqueue(Reply.text("sure, details?"), Reply.text("12"));
        Cli.Result r = Cli.run(base("--task-id", "t-math-1", "--simulator", "prompted").toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        JsonNode c = out().get(0);
        assertEquals("prompted", c.get("simulator").asText());
        assertEquals("user_ended", c.get("ended_by").asText());
        assertEquals(List.of("hey can you help me count apples", "sure, details?", "3 boxes, 4 apples each", "12"),
                contents(c));
        List<ChatMessage> third = userServer.requests().get(2).messages();
        assertEquals(List.of(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT, Role.USER),
                third.stream().map(ChatMessage::role).toList());
        assertEquals("hey can you help me count apples", third.get(2).content());
        assertEquals("sure, details?", third.get(3).content());
        assertFalse(userServer.requests().get(0).has("skip_special_tokens"), "vLLM extras only for UserLM");
    }

    @Test
    void maxTurnsIsExactForEveryRunAndTask() throws Exception {
        AtomicInteger n = new AtomicInteger();
        userServer.respondWith(req -> Reply.text("\nquestion number " + n.incrementAndGet() + " about it"));
        assistantServer.respondWith(req -> Reply.text("ok then"));
        Cli.Result r = Cli.run(base("--max-turns", "3", "--runs", "2", "--guardrails", "off")
                .toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> convs = out();
        assertEquals(4, convs.size(), "2 tasks x 2 runs");
        for (JsonNode c : convs) {
            assertEquals("max_turns", c.get("ended_by").asText());
            assertEquals(6, c.get("turns").size());
            assertEquals("assistant", c.get("turns").get(5).get("role").asText());
        }
        assertEquals("summary: 4 conversations: 0 user_ended, 4 max_turns, 0 solved, 0 cancelled, 0 error",
                r.lastLine());
    }

    @Test
    void droppedStreamFailsTheTurnKeepsPartialTextAndTheNextConversationRuns() throws Exception {
        AtomicInteger n = new AtomicInteger();
        userServer.respondWith(req -> Reply.text("\nplease help with question " + n.incrementAndGet()));
        assistantServer.enqueue(Reply.dropAfter("The answer is"));
        assistantServer.respondWith(req -> Reply.text("fine"));
        Cli.Result r = Cli.run(base("--task-id", "t-math-1", "--runs", "2", "--max-turns", "1")
                .toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> convs = out();
        assertEquals("error", convs.get(0).get("ended_by").asText());
        JsonNode failed = convs.get(0).get("turns").get(1);
        assertEquals("failed", failed.get("status").asText());
        assertEquals("The answer is", failed.get("content").asText(), convs.get(0).toString());
        assertTrue(failed.get("error").asText().contains("stream"), failed.toString());
        assertEquals("max_turns", convs.get(1).get("ended_by").asText());
        assertTrue(r.lastLine().endsWith("1 error"), r.lastLine());
    }

    @Test
    void badArgumentsAndUnusableInputsAreRefusedClearly() throws Exception {
        Cli.Result noUser = Cli.run("simulate", "--assistant-url", "http://127.0.0.1:1/v1", "--assistant-model", "a");
        assertEquals(2, noUser.exit());
        assertTrue(noUser.err().contains("--user-url"), noUser.err());

        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "[{\"task_id\": \"x\", \"task\": \"math\", \"shards\": 5}]");
        Cli.Result badFile = Cli.run(base().subList(0, 1).get(0), "--tasks", bad.toString(),
                "--user-url", "http://127.0.0.1:1/v1", "--user-model", "u",
                "--assistant-url", "http://127.0.0.1:1/v1", "--assistant-model", "a",
                "--db", dir.resolve("w.db").toString());
        assertEquals(3, badFile.exit());
        assertTrue(badFile.err().contains("broken.json") && badFile.err().contains("shards"), badFile.err());

        Cli.Result unknown = Cli.run(base("--task-id", "nope").toArray(String[]::new));
        assertEquals(3, unknown.exit());
        assertTrue(unknown.err().contains("nope"), unknown.err());

        Cli.Result missingDb = Cli.run("export", "--db", dir.resolve("none.db").toString(), "--out", "-");
        assertEquals(3, missingDb.exit());
    }

    @Test
    void unreachableServerIsAReportedErrorNotACrash() throws Exception {
        Cli.Result r = Cli.run("simulate", "--tasks", tasks.toString(), "--task-id", "t-math-2",
                "--user-url", "http://127.0.0.1:9/v1", "--user-model", "u",
                "--assistant-url", assistantServer.baseUrl(), "--assistant-model", "a",
                "--db", dir.resolve("w.db").toString(), "--out", dir.resolve("out.jsonl").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode c = out().get(0);
        assertEquals("error", c.get("ended_by").asText());
        JsonNode t = c.get("turns").get(0);
        assertEquals("failed", t.get("status").asText());
        assertTrue(t.get("error").asText().contains("127.0.0.1:9"), t.toString());
    }
}
