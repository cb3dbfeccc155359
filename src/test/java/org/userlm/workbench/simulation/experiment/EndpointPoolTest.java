package org.userlm.workbench.simulation.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.ChatMessage;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.GenerationRequest;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.TokenListener;
import org.userlm.workbench.inference.openai.OpenAiCompatibleClient;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;

class EndpointPoolTest {
    private static final GenerationRequest REQ = new GenerationRequest(List.of(ChatMessage.user("hi")),
            GenerationParams.greedy(8));

    private static EndpointPool pool(ErrorCounts errors) {
        return new EndpointPool(OpenAiCompatibleClient::new, 2, 1, errors);
    }

    @Test
    void transientFailuresAreRetriedAndCountedByKind() throws Exception {
        ErrorCounts errors = new ErrorCounts();
        try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start(); EndpointPool pool = pool(errors)) {
            server.enqueue(Reply.httpError(429, "slow down"), Reply.httpError(503, "busy"), Reply.text("fine"));
            ChatModel m = pool.open(BackendSettings.openAiChat(server.baseUrl(), "m"));
            assertEquals("fine", m.generate(REQ, TokenListener.NONE, new CancellationToken()).text());
            assertEquals(3, server.requests().size());
            assertEquals(java.util.Map.of("http_429", 1L, "http_5xx", 1L), errors.snapshot());
            assertEquals(2, errors.retries());
        }
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        ErrorCounts errors = new ErrorCounts();
        try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start(); EndpointPool pool = pool(errors)) {
            server.enqueue(Reply.httpError(400, "bad request"), Reply.text("never"));
            ChatModel m = pool.open(BackendSettings.openAiChat(server.baseUrl(), "m"));
            InferenceException e = assertThrows(InferenceException.class,
                    () -> m.generate(REQ, TokenListener.NONE, new CancellationToken()));
            assertTrue(e.getMessage().contains("HTTP 400"), e.getMessage());
            assertEquals(1, server.requests().size());
        }
    }

    @Test
    void neverMoreRequestsInFlightPerEndpointThanTheLimit() throws Exception {
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger max = new java.util.concurrent.atomic.AtomicInteger();
        org.userlm.workbench.testing.FakeChatModel fake = new org.userlm.workbench.testing.FakeChatModel("m")
                .respond(r -> {
                    max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(30);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inFlight.decrementAndGet();
                    return "ok";
                });
        try (EndpointPool pool = new EndpointPool(s -> fake, 2, 1, new ErrorCounts())) {
            ChatModel m = pool.open(BackendSettings.openAiChat("http://127.0.0.1:1/v1", "m"));
            List<Thread> threads = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Thread t = new Thread(() -> {
                    try {
                        m.generate(REQ, TokenListener.NONE, new CancellationToken());
                    } catch (InferenceException e) {
                        throw new IllegalStateException(e);
                    }
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(8, fake.requests().size());
            assertTrue(max.get() <= 2, "at most 2 in flight, saw " + max.get());
        }
    }

    @Test
    void replicasAreServedRoundRobin() throws Exception {
        try (ScriptedOpenAiServer a = ScriptedOpenAiServer.start(); ScriptedOpenAiServer b = ScriptedOpenAiServer.start();
             EndpointPool pool = pool(new ErrorCounts())) {
            a.respondWith(r -> Reply.text("a"));
            b.respondWith(r -> Reply.text("b"));
            BackendSettings primary = BackendSettings.openAiChat(a.baseUrl(), "m");
            pool.replicas(primary, List.of(a.baseUrl(), b.baseUrl()));
            ChatModel m = pool.open(primary);
            StringBuilder seen = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                seen.append(m.generate(REQ, TokenListener.NONE, new CancellationToken()).text());
            }
            assertEquals("abab", seen.toString());
        }
    }
}
