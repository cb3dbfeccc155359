package org.userlm.workbench.inference.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.userlm.workbench.inference.openai.ClientFixtures.CONVERSATION;
import static org.userlm.workbench.inference.openai.ClientFixtures.chat;
import static org.userlm.workbench.inference.openai.ClientFixtures.request;
import static org.userlm.workbench.inference.openai.ClientFixtures.settings;
import static org.userlm.workbench.inference.openai.ClientFixtures.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.Constraints;
import org.userlm.workbench.inference.FinishReason;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.TokenListener;
import org.userlm.workbench.testing.RecordedRequest;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;

class OpenAiCompatibleClientTest {
    private final ScriptedOpenAiServer server = ScriptedOpenAiServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void chatStreamingCollectsTextInOrderAndListenerSeesEveryDelta() throws Exception {
        server.enqueue(Reply.text("\nfib but plus one").chunks("\n", "fib", " but", " plus", " one"));
        ClientFixtures.Recorder rec = new ClientFixtures.Recorder();

        GenerationResult r = chat(server.baseUrl()).generate(request(), rec, token());

        assertEquals("\nfib but plus one", r.text());
        assertEquals(List.of("\n", "fib", " but", " plus", " one"), rec.deltas);
        assertEquals(FinishReason.STOP, r.finishReason());
        assertEquals(5, r.completionTokens(), "usage from the server (one per chunk by default)");
        assertTrue(r.firstTokenNanos() >= 0 && r.totalNanos() >= r.firstTokenNanos());
        RecordedRequest req = server.lastRequest();
        assertEquals("/v1/chat/completions", req.path());
        assertEquals("microsoft/UserLM-8b", req.model());
        assertTrue(req.stream());
        assertEquals(CONVERSATION, req.messages());
        assertTrue(req.field("stream_options").path("include_usage").asBoolean());
    }

    @Test
    void reportsServerUsageAndLengthFinish() throws Exception {
        server.enqueue(Reply.text("a b c").finishReason("length").usage(42, 7));
        GenerationResult r = chat(server.baseUrl()).generate(request(), TokenListener.NONE, token());
        assertEquals(FinishReason.LENGTH, r.finishReason());
        assertEquals(42, r.promptTokens());
        assertEquals(7, r.completionTokens());
    }

    @Test
    void withoutUsageCountsChunks() throws Exception {
        server.enqueue(Reply.text("one two three"));
        OpenAiCompatibleClient client = new OpenAiCompatibleClient(
                settings(BackendKind.OPENAI_CHAT, server.baseUrl(), 5, null),
                OpenAiOptions.defaults().withIncludeUsage(false));
        GenerationResult r = client.generate(request(), null, null);
        assertFalse(server.lastRequest().has("stream_options"));
        assertEquals(-1, r.promptTokens());
        assertEquals(3, r.completionTokens());
    }

    @Test
    void completionsModeSendsPromptRenderedWithUserLmTemplate() throws Exception {
        server.enqueue(Reply.text("\nok"));
        OpenAiCompatibleClient client = new OpenAiCompatibleClient(
                settings(BackendKind.OPENAI_COMPLETIONS, server.baseUrl() + "/", 5, null), OpenAiOptions.defaults());
        ClientFixtures.Recorder rec = new ClientFixtures.Recorder();

        GenerationResult r = client.generate(request(), rec, token());

        assertEquals("\nok", r.text());
        assertEquals(String.join("", rec.deltas), r.text());
        RecordedRequest req = server.lastRequest();
        assertEquals("/v1/completions", req.path());
        assertEquals("<|start_header_id|>system<|end_header_id|>\nYou are a user who wants a fibonacci function."
                + "<|eot_id|><|start_header_id|>user<|end_header_id|>\nhey, can you help me with a sequence?"
                + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\nSure! What sequence?<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>", req.prompt());
        assertFalse(req.has("messages"));
    }

    @Test
    void completionsModeUsesTheSettingsTemplate() throws Exception {
        server.enqueue(Reply.text("x"));
        String tpl = "{% for m in messages %}[{{ m['role'] }}]{{ m['content'] }}{% endfor %}"
                + "{% if add_generation_prompt %}[next]{% endif %}";
        var s = new BackendSettings(BackendKind.OPENAI_COMPLETIONS, server.baseUrl(),
                "m", null, null, 5, tpl, null, false);
        new OpenAiCompatibleClient(s, OpenAiOptions.defaults()).generate(
                new GenerationRequest(List.of(ChatMessage.user("hi")), GenerationParams.userLmCard()), null, null);
        assertEquals("[user]hi[next]", server.lastRequest().prompt());
    }

    @Test
    void nonStreamingChatAndCompletions() throws Exception {
        server.enqueue(Reply.text("whole chat").usage(3, 2), Reply.text("whole completion").finishReason("length"));
        OpenAiOptions opts = OpenAiOptions.defaults().withStreaming(false);
        ClientFixtures.Recorder rec = new ClientFixtures.Recorder();

        GenerationResult c = new OpenAiCompatibleClient(settings(BackendKind.OPENAI_CHAT, server.baseUrl(), 5, null),
                opts).generate(request(), rec, token());
        GenerationResult p = new OpenAiCompatibleClient(
                settings(BackendKind.OPENAI_COMPLETIONS, server.baseUrl(), 5, null), opts)
                .generate(request(), TokenListener.NONE, token());

        assertEquals("whole chat", c.text());
        assertEquals(List.of("whole chat"), rec.deltas);
        assertEquals(3, c.promptTokens());
        assertEquals(2, c.completionTokens());
        assertEquals("whole completion", p.text());
        assertEquals(FinishReason.LENGTH, p.finishReason());
        assertFalse(server.requests().get(0).stream());
        assertFalse(server.requests().get(0).has("stream_options"));
    }

    @Test
    void samplingFieldsAreSentOnlyWhenSet() throws Exception {
        server.respondWith(req -> Reply.text("ok"));
        OpenAiCompatibleClient client = chat(server.baseUrl());
        client.generate(new GenerationRequest(CONVERSATION, new GenerationParams(0.7, 0.9, 40, 64, 1234L),
                Constraints.NONE, List.of("<|eot_id|>", "\n\n")), null, null);
        client.generate(new GenerationRequest(CONVERSATION, new GenerationParams(null, null, null, null, null)),
                null, null);

        RecordedRequest full = server.requests().get(0);
        assertEquals(0.7, full.field("temperature").asDouble());
        assertEquals(0.9, full.field("top_p").asDouble());
        assertEquals(40, full.field("top_k").asInt());
        assertEquals(64, full.field("max_tokens").asInt());
        assertEquals(1234L, full.field("seed").asLong());
        assertEquals(List.of("<|eot_id|>", "\n\n"), full.strings("stop"));
        RecordedRequest bare = server.requests().get(1);
        for (String f : List.of("temperature", "top_p", "top_k", "max_tokens", "seed", "stop", "bad_words")) {
            assertFalse(bare.has(f), f);
        }
    }

    @Test
    void apiKeyHeaderOnlyWhenTheVariableIsSet() throws Exception {
        server.respondWith(req -> Reply.text("ok"));
        var s = settings(BackendKind.OPENAI_CHAT, server.baseUrl(), 5, "USERLM_TEST_KEY");
        new OpenAiCompatibleClient(s, OpenAiOptions.defaults().withEnv(Map.of("USERLM_TEST_KEY", "sk-123")::get))
                .generate(request(), null, null);
        new OpenAiCompatibleClient(s, OpenAiOptions.defaults().withEnv(Map.<String, String>of()::get))
                .generate(request(), null, null);
        chat(server.baseUrl()).generate(request(), null, null);

        assertEquals("Bearer sk-123", server.requests().get(0).header("Authorization"));
        assertNull(server.requests().get(1).header("Authorization"));
        assertNull(server.requests().get(2).header("Authorization"));
    }

    @Test
    void bannedStringsBecomeBadWordsOnlyWithServerBans() throws Exception {
        server.respondWith(req -> Reply.text("ok"));
        GenerationRequest req = new GenerationRequest(CONVERSATION, GenerationParams.userLmCard(),
                new Constraints(List.of("I", "You"), List.of("<|endconversation|>")), List.of());
        var s = settings(BackendKind.OPENAI_CHAT, server.baseUrl(), 5, null);
        OpenAiCompatibleClient bans = new OpenAiCompatibleClient(s, OpenAiOptions.defaults().withServerBans(true)
                .withExtraBody(Map.of("skip_special_tokens", false, "bad_words", List.of("As an AI"))));
        bans.generate(req, null, null);
        OpenAiCompatibleClient plain = chat(server.baseUrl());
        plain.generate(req, null, null);

        RecordedRequest first = server.requests().get(0);
        assertEquals(List.of("<|endconversation|>", "As an AI"), first.strings("bad_words"));
        assertFalse(first.field("skip_special_tokens").asBoolean(true));
        assertTrue(bans.capabilities().bans());
        assertFalse(server.requests().get(1).has("bad_words"));
        assertFalse(plain.capabilities().bans());
        assertTrue(plain.capabilities().seed() && plain.capabilities().streaming());
    }

    @Test
    void streamWithFinishReasonButNoDoneIsComplete() throws Exception {
        server.enqueue(Reply.text("short").withoutDone());
        GenerationResult r = chat(server.baseUrl()).generate(request(), null, null);
        assertEquals("short", r.text());
        assertEquals(FinishReason.STOP, r.finishReason());
    }

    @Test
    void streamWithDoneButNoFinishReasonIsComplete() throws Exception {
        server.enqueue(Reply.text("short").finishReason(null));
        GenerationResult r = chat(server.baseUrl()).generate(request(), null, null);
        assertEquals("short", r.text());
        assertEquals(FinishReason.STOP, r.finishReason());
    }

    @Test
    void handWrittenSseWithCommentsAndCrLf() throws Exception {
        server.enqueue(Reply.rawSse(": hello\r\n\r\ndata: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\r\n\r\n"
                + "data: {\"choices\":[{\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}]}\r\n\r\n"
                + "data: [DONE]\r\n\r\n"));
        assertEquals("ab", chat(server.baseUrl()).generate(request(), null, null).text());
    }

    @Test
    void listModelsReturnsIds() throws Exception {
        server.models("microsoft/UserLM-8b", "gpt-4o-mini");
        assertEquals(List.of("microsoft/UserLM-8b", "gpt-4o-mini"), chat(server.baseUrl()).listModels());
        assertEquals("/v1/models", server.lastRequest().path());
    }

    @Test
    void rolesGoOnTheWireInLowerCase() throws Exception {
        server.enqueue(Reply.text("ok"));
        chat(server.baseUrl()).generate(request(), null, null);
        assertEquals("system", server.lastRequest().field("messages").get(0).get("role").asText());
        assertEquals(Role.ASSISTANT, server.lastRequest().messages().get(2).role());
    }

    @Test
    void concurrentGenerationsDoNotMixUp() throws Exception {
        server.respondWith(req -> Reply.text("echo " + req.lastMessage()).chunkSize(2).delayMillis(5));
        OpenAiCompatibleClient client = chat(server.baseUrl());
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String msg = "message number " + i;
            all.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return client.generate(new GenerationRequest(List.of(ChatMessage.user(msg)),
                            GenerationParams.userLmCard()), null, null).text();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (int i = 0; i < 4; i++) {
            assertEquals("echo message number " + i, all.get(i).get(10, TimeUnit.SECONDS));
        }
    }
}
