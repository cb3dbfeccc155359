package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.storage.MessagesJsonl;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;

/** Termination F1 by replaying real conversations, and importing OpenAI-messages JSONL. */
class IntrinsicAndImportCliTest {
    @TempDir
    Path dir;

    @Test
    void terminationF1OnTheBundledSample() throws Exception {
        try (ScriptedOpenAiServer user = ScriptedOpenAiServer.start()) {
            // This fake user ends exactly when the assistant's last message has a "!".
            user.respondWith(r -> Reply.text(r.lastMessage().contains("!") ? "<|endconversation|>"
                    : "ok and one more thing"));
            Cli.Result r = Cli.run("intrinsic", "--setup", "termination", "--user-url", user.baseUrl(),
                    "--user-model", "u");
            assertEquals(0, r.exit(), r.err());
            JsonNode s = new ObjectMapper().readTree(r.lastLine());
            // 14 decision points, 6 real ends; the fake: 3 true positives, 1 false positive, 3 false negatives.
            assertEquals(14, s.path("points").asInt());
            assertEquals(0.75, s.path("precision").asDouble(), 1e-9);
            assertEquals(0.5, s.path("recall").asDouble(), 1e-9);
            assertEquals(0.6, s.path("f1").asDouble(), 1e-9);
            assertTrue(r.out().contains("s6 after_turn=3 predicted_end=true real_end=true"), r.out());
            // The model sees the conversation up to the decision point, with ordinary roles.
            assertEquals(Role.ASSISTANT, user.requests().get(0).messages().get(2).role());
        }
    }

    @Test
    void roleAndIntentAdherenceOnTheBundledSamples() throws Exception {
        try (ScriptedOpenAiServer user = ScriptedOpenAiServer.start()) {
            user.respondWith(r -> {
                String intent = r.messages().get(0).content();
                String last = r.lastMessage();
                if (last.contains("which option do you think")) {
                    return Reply.text(intent.contains("Mercury") ? "i think its Mercury right" : "no idea, you tell me");
                }
                if (last.contains("would you rather hear about")) {
                    String q = intent.substring(intent.indexOf("know: ") + 6);
                    return Reply.text(intent.contains("Berlin Wall") ? "sure lets do that"
                            : "no thanks, still asking " + q);
                }
                return Reply.text("quick question for a quiz i am doing");
            });
            for (String setup : List.of("role", "intent")) {
                Cli.Result r = Cli.run("intrinsic", "--setup", setup, "--user-url", user.baseUrl(), "--user-model",
                        "u");
                assertEquals(0, r.exit(), r.err());
                JsonNode s = new ObjectMapper().readTree(r.lastLine());
                assertEquals(5, s.path("items").asInt());
                assertEquals(0.8, s.path("adherence").asDouble(), 1e-9, setup + ": " + r.out());
                assertEquals("heuristic", s.path("method").asText());
            }
        }
    }

    @Test
    void aJudgeDecidesAdherenceWhenGiven() throws Exception {
        try (ScriptedOpenAiServer user = ScriptedOpenAiServer.start();
             ScriptedOpenAiServer judge = ScriptedOpenAiServer.start()) {
            user.respondWith(r -> Reply.text("no idea, you tell me please"));
            // The heuristic would say every reply adhered; this judge says only mc5's did.
            judge.respondWith(r -> Reply.text(r.lastMessage().contains("Pacific") ? "{\"adhered\": true}"
                    : "{\"adhered\": false}"));
            Cli.Result r = Cli.run("intrinsic", "--setup", "role", "--user-url", user.baseUrl(), "--user-model", "u",
                    "--judge-url", judge.baseUrl(), "--judge-model", "jm");
            assertEquals(0, r.exit(), r.err());
            JsonNode s = new ObjectMapper().readTree(r.lastLine());
            assertEquals(0.2, s.path("adherence").asDouble(), 1e-9);
            assertEquals("judge jm", s.path("method").asText());
            assertEquals(5, judge.requests().stream().filter(q -> q.isChat()).count());
        }
    }

    @Test
    void decompositionOfRealUsersNeedsNoModel() throws Exception {
        Cli.Result r = Cli.run("intrinsic", "--setup", "decomposition");
        assertEquals(0, r.exit(), r.err());
        JsonNode s = new ObjectMapper().readTree(r.lastLine());
        assertEquals(6, s.path("conversations").asInt());
        assertEquals(5, s.path("multi_turn").asInt(), "s2 has one user turn");
        double share = s.path("first_turn_share").asDouble();
        assertTrue(share > 0.2 && share < 0.9, "real users spread their intent: " + share);
        assertEquals(14.0 / 6, s.path("mean_user_turns").asDouble(), 1e-9);
        assertTrue(s.path("first_turn_diversity").asDouble() > 0.9, s.toString());
    }

    @Test
    void messagesJsonlFormatsAndErrors() throws Exception {
        List<MessagesJsonl.RealConversation> cs = MessagesJsonl.read(new StringReader("""
                {"conversation_hash": "h1", "conversation": [{"role": "user", "content": "hi"}, {"role": "user", \
                "content": "there"}, {"role": "assistant", "content": [{"type": "text", "text": "hello"}]}]}

                [{"role": "system", "content": "be nice"}, {"role": "user", "content": "q"}, {"role": "tool", \
                "content": "x"}, {"role": "assistant", "content": "a"}]
                """));
        assertEquals(2, cs.size());
        assertEquals("h1", cs.get(0).id());
        assertEquals("hi\n\nthere", cs.get(0).turns().get(0).content());
        assertEquals("hello", cs.get(0).turns().get(1).content());
        assertEquals("be nice", cs.get(1).system());
        assertEquals("line-3", cs.get(1).id());
        assertEquals(2, cs.get(1).turns().size());
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> MessagesJsonl.read(new StringReader("{\"messages\": []}\n{oops")));
        assertTrue(e.getMessage().startsWith("line 1"), e.getMessage());
    }

    @Test
    void importStoresRealConversations() throws Exception {
        Path in = dir.resolve("real.jsonl");
        try (var s = IntrinsicCommand.class.getResourceAsStream(IntrinsicCommand.SAMPLE)) {
            Files.write(in, s.readAllBytes());
        }
        Path db = dir.resolve("w.db");
        Cli.Result r = Cli.run("import-conversations", "--in", in.toString(), "--db", db.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("imported 6 conversations"), r.out());
        try (AppContext ctx = AppContext.open(db)) {
            List<Conversation> all = ctx.conversations().all();
            assertEquals(6, all.size());
            Conversation s4 = all.stream().filter(c -> c.title().startsWith("imported s4")).findFirst().orElseThrow();
            assertEquals(6, s4.turns().size());
            assertEquals("You are a helpful assistant.", s4.assistantSystemPrompt());
            assertEquals("imported:real.jsonl", s4.taskId());
        }
        Files.writeString(dir.resolve("bad.jsonl"), "{\"messages\": [{\"role\": \"assistant\", \"content\": \"x\"}]}\n");
        Cli.Result bad = Cli.run("import-conversations", "--in", dir.resolve("bad.jsonl").toString(), "--db",
                db.toString());
        assertEquals(3, bad.exit());
        assertTrue(bad.err().contains("line 1: a conversation must start with a user message"), bad.err());
    }
}
