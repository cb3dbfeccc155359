package org.userlm.workbench.inference.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.userlm.workbench.inference.openai.ClientFixtures.chat;
import static org.userlm.workbench.inference.openai.ClientFixtures.request;
import static org.userlm.workbench.inference.openai.ClientFixtures.settings;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.FinishReason;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;

@Timeout(30)
class OpenAiCompatibleClientFailureTest {
    private final ScriptedOpenAiServer server = ScriptedOpenAiServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void droppedStreamFailsWithThePartialText() {
        server.enqueue(Reply.dropAfter("I want a seq").chunks("I want", " a seq"));
        InferenceException e = assertThrows(InferenceException.class,
                () -> chat(server.baseUrl()).generate(request(), null, null));
        assertTrue(e.getMessage().startsWith("stream ended before the server finished"), e.getMessage());
        assertEquals("I want a seq", e.partialText());
    }

    @Test
    void http404SurfacesTheServerMessage() {
        server.enqueue(Reply.httpError(404, "The model `microsoft/UserLM-8b` does not exist."));
        InferenceException e = assertThrows(InferenceException.class,
                () -> chat(server.baseUrl()).generate(request(), null, null));
        assertTrue(e.getMessage().startsWith("HTTP 404 from http://127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().endsWith("/v1/chat/completions: The model `microsoft/UserLM-8b` does not exist."),
                e.getMessage());
    }

    @Test
    void unscriptedRequestIsAn500WithAHelpfulMessage() {
        InferenceException e = assertThrows(InferenceException.class,
                () -> chat(server.baseUrl()).generate(request(), null, null));
        assertTrue(e.getMessage().contains("HTTP 500") && e.getMessage().contains("no scripted reply"),
                e.getMessage());
    }

    @Test
    void unauthorisedNamesTheKeyVariable() {
        server.requireApiKey("right");
        var s = settings(BackendKind.OPENAI_CHAT, server.baseUrl(), 5, "MY_KEY");
        var client = new OpenAiCompatibleClient(s, OpenAiOptions.defaults().withEnv(k -> "wrong"));
        InferenceException e = assertThrows(InferenceException.class, () -> client.generate(request(), null, null));
        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("$MY_KEY"), e.getMessage());
        assertTrue(!e.getMessage().contains("wrong"), "the key must never appear in messages");
    }

    @Test
    void connectionRefusedSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port + "/v1";
        InferenceException e = assertThrows(InferenceException.class,
                () -> chat(base).generate(request(), null, null));
        assertEquals("cannot reach " + base + ": connection refused — is the server running?", e.getMessage());
        InferenceException m = assertThrows(InferenceException.class, () -> chat(base).listModels());
        assertEquals(e.getMessage(), m.getMessage());
    }

    @Test
    void malformedChunkFailsWithPartialText() {
        server.enqueue(Reply.rawSse("data: {\"choices\":[{\"delta\":{\"content\":\"ok\"}}]}\n\ndata: {oops\n\n"));
        InferenceException e = assertThrows(InferenceException.class,
                () -> chat(server.baseUrl()).generate(request(), null, null));
        assertTrue(e.getMessage().startsWith("malformed JSON from server: {oops"), e.getMessage());
        assertEquals("ok", e.partialText());
    }

    @Test
    void errorObjectInsideTheStreamSurfaces() {
        server.enqueue(Reply.streamError("half", "CUDA out of memory"));
        InferenceException e = assertThrows(InferenceException.class,
                () -> chat(server.baseUrl()).generate(request(), null, null));
        assertEquals("server error: CUDA out of memory", e.getMessage());
        assertEquals("half", e.partialText());
    }

    @Test
    void idleStreamTimesOut() {
        server.enqueue(Reply.hang());
        var client = new OpenAiCompatibleClient(settings(BackendKind.OPENAI_CHAT, server.baseUrl(), 1, null),
                OpenAiOptions.defaults());
        InferenceException e = assertThrows(InferenceException.class, () -> client.generate(request(), null, null));
        assertTrue(e.getMessage().startsWith("no data from server for 1 s"), e.getMessage());
    }

    @Test
    void stalledStreamAfterSomeTextTimesOutKeepingIt() {
        server.enqueue(Reply.text("first second").chunks("first", " second").delayMillis(60_000));
        var client = new OpenAiCompatibleClient(settings(BackendKind.OPENAI_CHAT, server.baseUrl(), 1, null),
                OpenAiOptions.defaults());
        InferenceException e = assertThrows(InferenceException.class, () -> client.generate(request(), null, null));
        assertTrue(e.getMessage().startsWith("no data from server for 1 s"), e.getMessage());
        assertEquals("first", e.partialText());
    }

    @Test
    void cancellationMidStreamReturnsPartialTextBeforeTheReplyWouldEnd() throws Exception {
        server.enqueue(Reply.text("first second").chunks("first", " second").delayMillis(60_000));
        CancellationToken cancel = new CancellationToken();
        CountDownLatch firstDelta = new CountDownLatch(1);
        CompletableFuture<GenerationResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return chat(server.baseUrl()).generate(request(), d -> firstDelta.countDown(), cancel);
            } catch (InferenceException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(firstDelta.await(10, TimeUnit.SECONDS));
        cancel.cancel();
        GenerationResult r = running.get(10, TimeUnit.SECONDS);
        assertEquals(FinishReason.CANCELLED, r.finishReason());
        assertEquals("first", r.text());
    }

    @Test
    void cancellationWhileWaitingForHeadersAndBeforeSending() throws Exception {
        server.respondWith(req -> Reply.hang());
        CancellationToken cancel = new CancellationToken();
        CompletableFuture<GenerationResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return chat(server.baseUrl()).generate(request(), null, cancel);
            } catch (InferenceException e) {
                throw new IllegalStateException(e);
            }
        });
        server.awaitRequests(1, Duration.ofSeconds(10));
        cancel.cancel();
        assertEquals(FinishReason.CANCELLED, running.get(10, TimeUnit.SECONDS).finishReason());

        GenerationResult before = chat(server.baseUrl()).generate(request(), null, cancel);
        assertEquals(FinishReason.CANCELLED, before.finishReason());
        assertEquals("", before.text());
        assertEquals(1, server.requests().size(), "nothing is sent once cancelled");
    }

    @Test
    void listModelsMapsHttpErrors() {
        server.modelsError(503, "server is loading the model");
        InferenceException e = assertThrows(InferenceException.class, () -> chat(server.baseUrl()).listModels());
        assertTrue(e.getMessage().startsWith("HTTP 503 from") && e.getMessage().endsWith("loading the model"),
                e.getMessage());
    }

    @Test
    void listenerSeesNothingAfterFailureAndNonStreamingDropFails() {
        server.enqueue(Reply.dropAfter("x"));
        var deltas = new CopyOnWriteArrayList<String>();
        var client = new OpenAiCompatibleClient(settings(BackendKind.OPENAI_CHAT, server.baseUrl(), 5, null),
                OpenAiOptions.defaults().withStreaming(false));
        InferenceException e = assertThrows(InferenceException.class, () -> client.generate(request(), deltas::add,
                null));
        assertTrue(e.getMessage().startsWith("stream ended before the server finished"), e.getMessage());
        assertTrue(deltas.isEmpty());
    }

    @Test
    void slowButSteadyStreamIsNotTimedOut() throws Exception {
        server.enqueue(Reply.text("a b c d e").delayMillis(400));
        var client = new OpenAiCompatibleClient(settings(BackendKind.OPENAI_CHAT, server.baseUrl(), 1, null),
                OpenAiOptions.defaults());
        assertEquals("a b c d e", client.generate(request(), null, null).text());
    }

    @Test
    void noHeadersWithinTheTimeoutIsAnIdleTimeout() {
        server.enqueue(Reply.text("late").headerDelayMillis(10_000));
        var client = new OpenAiCompatibleClient(settings(BackendKind.OPENAI_CHAT, server.baseUrl(), 1, null),
                OpenAiOptions.defaults().withStreaming(false));
        InferenceException e = assertThrows(InferenceException.class, () -> client.generate(request(), null, null));
        assertTrue(e.getMessage().startsWith("no data from server for 1 s"), e.getMessage());
    }

    @Test
    void rejectsUnusableSettings() {
        assertThrows(IllegalArgumentException.class, () -> chat("ftp://127.0.0.1/v1"));
        assertThrows(IllegalArgumentException.class, () -> chat(" "));
        assertThrows(IllegalArgumentException.class, () -> new OpenAiCompatibleClient(
                BackendSettings.local("/tmp/model"), OpenAiOptions.defaults()));
    }
}
