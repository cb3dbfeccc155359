package org.userlm.workbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake OpenAI-compatible server (vLLM-like) on {@code 127.0.0.1} and an ephemeral port, for tests.
 * Serves {@code POST /v1/chat/completions} and {@code POST /v1/completions} (SSE when the request says
 * {@code stream: true}, one JSON body otherwise) and {@code GET /v1/models}. Every request is recorded.
 *
 * <pre>{@code
 * try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start()) {
 *     server.enqueue(Reply.text("I need a function").chunks("I need", " a function"));
 *     server.respondWith(req -> Reply.text("echo: " + req.lastMessage()));   // when the queue is empty
 *     ChatModel model = new OpenAiCompatibleClient(BackendSettings.openAiChat(server.baseUrl(), "m"), null);
 *     model.generate(...);
 *     assertEquals("m", server.lastRequest().model());
 * }
 * }</pre>
 *
 * <p>Replies come from the queue in order, then from the responder; with neither, HTTP 500
 * "no scripted reply". Requests are handled concurrently; {@link #close()} cuts hanging and delayed replies
 * and returns within about a second. Thread-safe.
 */
public final class ScriptedOpenAiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ReplyWriter writer = new ReplyWriter(JSON, closed);
    private final Queue<Reply> queue = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private volatile Function<RecordedRequest, Reply> responder;
    private volatile List<String> models = List.of("scripted-model");
    private volatile Reply modelsError;
    private volatile String requiredApiKey;

    private ScriptedOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "scripted-openai-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static ScriptedOpenAiServer start() {
        try {
            return new ScriptedOpenAiServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the scripted server", e);
        }
    }

    /** {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Adds replies to the end of the queue; each request to a completions endpoint takes the next one. */
    public ScriptedOpenAiServer enqueue(Reply... replies) {
        queue.addAll(Arrays.asList(replies));
        return this;
    }

    /** Answers requests when the queue is empty (may return null for the default HTTP 500). */
    public ScriptedOpenAiServer respondWith(Function<RecordedRequest, Reply> newResponder) {
        this.responder = newResponder;
        return this;
    }

    /** The model ids listed by {@code GET /v1/models} (default {@code scripted-model}). */
    public ScriptedOpenAiServer models(String... ids) {
        this.models = List.of(ids);
        this.modelsError = null;
        return this;
    }

    /** Makes {@code GET /v1/models} answer with this HTTP error. */
    public ScriptedOpenAiServer modelsError(int status, String message) {
        this.modelsError = Reply.httpError(status, message);
        return this;
    }

    /** Rejects every request whose {@code Authorization} is not {@code Bearer key} with HTTP 401 (null: off). */
    public ScriptedOpenAiServer requireApiKey(String key) {
        this.requiredApiKey = key;
        return this;
    }

    /** Replies still queued. */
    public int pendingReplies() {
        return queue.size();
    }

    /** A snapshot of every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The latest request. */
    public RecordedRequest lastRequest() {
        synchronized (requests) {
            if (requests.isEmpty()) {
                throw new AssertionError("the scripted server received no request");
            }
            return requests.get(requests.size() - 1);
        }
    }

    /**
     * Waits until at least {@code n} requests arrived and returns them.
     *
     * @throws AssertionError when fewer arrived within the timeout
     */
    public List<RecordedRequest> awaitRequests(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            while (requests.size() < n) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("expected " + n + " requests within " + timeout + ", got "
                            + requests.size());
                }
                try {
                    requests.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for requests", e);
                }
            }
            return List.copyOf(requests);
        }
    }

    /** Stops the server, cutting replies in progress (hanging ones included). Idempotent. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the exchange when done; a {@link ReplyWriter.CutConnection} escapes so the server drops the socket. */
    private void handle(HttpExchange ex) throws IOException {
        RecordedRequest req = record(ex);
        String path = ex.getRequestURI().getPath().replaceAll("/+$", "");
        String method = ex.getRequestMethod();
        String key = requiredApiKey;
        try {
            if (key != null && !("Bearer " + key).equals(req.header("authorization"))) {
                writer.sendError(ex, 401, "Incorrect API key provided");
            } else if (path.equals("/v1/models") && method.equals("GET")) {
                answerModels(ex, req);
            } else if ((path.equals("/v1/chat/completions") || path.equals("/v1/completions"))
                    && method.equals("POST")) {
                writer.write(ex, req, nextReply(req));
            } else {
                writer.sendError(ex, 404, "no route for " + method + " " + path);
            }
        } catch (IOException clientGone) {
            // the client closed the connection (cancelled or timed out): nothing to answer
        }
        ex.close();
    }

    private Reply nextReply(RecordedRequest req) {
        Reply r = queue.poll();
        Function<RecordedRequest, Reply> fn = responder;
        if (r == null && fn != null) {
            try {
                r = fn.apply(req);
            } catch (RuntimeException | AssertionError e) {
                return Reply.httpError(500, "the scripted responder failed: " + e);
            }
        }
        return r != null ? r : Reply.httpError(500, "no scripted reply for " + req.method() + " " + req.path());
    }

    private void answerModels(HttpExchange ex, RecordedRequest req) throws IOException {
        Reply error = modelsError;
        if (error != null) {
            writer.write(ex, req, error);
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("object", "list");
        ArrayNode data = body.putArray("data");
        for (String id : models) {
            data.addObject().put("id", id).put("object", "model").put("owned_by", "scripted");
        }
        writer.sendJson(ex, 200, body);
    }

    private RecordedRequest record(HttpExchange ex) throws IOException {
        byte[] bytes = ex.getRequestBody().readAllBytes();
        JsonNode body;
        try {
            body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (IOException notJson) {
            body = JSON.createObjectNode();
        }
        Map<String, String> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> {
            if (!v.isEmpty()) {
                headers.put(k.toLowerCase(Locale.ROOT), v.get(0));
            }
        });
        RecordedRequest req = new RecordedRequest(ex.getRequestMethod(), ex.getRequestURI().getPath(), headers,
                body == null ? JSON.createObjectNode() : body);
        synchronized (requests) {
            requests.add(req);
            requests.notifyAll();
        }
        return req;
    }
}
