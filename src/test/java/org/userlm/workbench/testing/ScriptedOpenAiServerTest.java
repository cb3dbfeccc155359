package org.userlm.workbench.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ScriptedOpenAiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ScriptedOpenAiServer server = ScriptedOpenAiServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void baseUrlIsLoopbackWithV1() {
        assertEquals("http://127.0.0.1:" + server.port() + "/v1", server.baseUrl());
    }

    @Test
    void nonStreamingChatLooksLikeVllm() throws Exception {
        server.enqueue(Reply.text("hello there").usage(5, 2));
        HttpResponse<String> r = post("/chat/completions", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]}");
        JsonNode body = JSON.readTree(r.body());
        assertEquals(200, r.statusCode());
        assertEquals("hello there", body.at("/choices/0/message/content").asText());
        assertEquals("stop", body.at("/choices/0/finish_reason").asText());
        assertEquals(5, body.at("/usage/prompt_tokens").asInt());
        assertEquals("m", body.get("model").asText());
        assertEquals("hi", server.lastRequest().lastMessage());
    }

    @Test
    void streamingCompletionSendsChunksUsageAndDone() throws Exception {
        server.enqueue(Reply.text("abcdef").chunkSize(4));
        HttpResponse<String> r = post("/completions", "{\"model\":\"m\",\"prompt\":\"p q\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true}}");
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        List<JsonNode> events = new ArrayList<>();
        for (String block : r.body().split("\n\n")) {
            if (!block.equals("data: [DONE]")) {
                events.add(JSON.readTree(block.substring("data: ".length())));
            }
        }
        assertTrue(r.body().endsWith("data: [DONE]\n\n"));
        assertEquals("abcd", events.get(0).at("/choices/0/text").asText());
        assertEquals("ef", events.get(1).at("/choices/0/text").asText());
        assertEquals("stop", events.get(2).at("/choices/0/finish_reason").asText());
        assertEquals(2, events.get(3).at("/usage/completion_tokens").asInt());
        assertEquals(2, events.get(3).at("/usage/prompt_tokens").asInt());
    }

    @Test
    void queueThenResponderThenDefault500() throws Exception {
        server.enqueue(Reply.text("queued"));
        assertTrue(post("/completions", "{\"prompt\":\"x\"}").body().contains("queued"));
        assertEquals(500, post("/completions", "{\"prompt\":\"x\"}").statusCode());
        server.respondWith(req -> Reply.text("echo " + req.prompt()));
        assertTrue(post("/completions", "{\"prompt\":\"x\"}").body().contains("echo x"));
        assertEquals(0, server.pendingReplies());
        assertEquals(3, server.requests().size());
    }

    @Test
    void unknownPathIs404AndModelsAreListed() throws Exception {
        assertEquals(404, post("/embeddings", "{}").statusCode());
        server.models("a", "b");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("b", JSON.readTree(r.body()).at("/data/1/id").asText());
    }

    @Test
    void dropCutsTheConnection() {
        server.enqueue(Reply.dropAfter("partial"));
        assertThrows(IOException.class, () -> post("/chat/completions", "{\"stream\":true}"));
    }

    @Test
    void servesConcurrentRequests() throws Exception {
        server.respondWith(req -> Reply.text("slow reply").delayMillis(300));
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : all) {
            assertTrue(f.get(10, TimeUnit.SECONDS).body().contains("[DONE]"));
        }
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(6 * 300 / 1000 + 1), "not serialised");
        assertEquals(6, server.awaitRequests(6, Duration.ofSeconds(1)).size());
    }

    @Test
    void closeReleasesHangingRepliesQuickly() throws Exception {
        server.enqueue(Reply.hang());
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/chat/completions")).POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true}")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (InputStream in = r.body()) {
                in.readAllBytes();
            } catch (IOException expected) {
                // the connection is cut
            }
        });
        long t0 = System.nanoTime();
        server.close();
        reader.get(5, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "close took too long");
    }

    @Test
    void awaitRequestsFailsClearlyOnTimeout() {
        AssertionError e = assertThrows(AssertionError.class, () -> server.awaitRequests(1, Duration.ofMillis(50)));
        assertTrue(e.getMessage().contains("expected 1 requests"));
        assertThrows(AssertionError.class, server::lastRequest);
    }

    @Test
    void aFailingResponderBecomesAn500() throws Exception {
        server.respondWith(req -> {
            throw new IllegalStateException("boom");
        });
        HttpResponse<String> r = post("/chat/completions", "{}");
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("boom"));
    }
}
