package org.userlm.workbench.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal OpenAI-compatible server on 127.0.0.1 for {@code bench-experiment}: every chat completion streams a fixed
 * short reply (user models: a question; other models: an answer) after {@code delayMillis}, like a serving engine with
 * that latency and unlimited batch capacity. Not for production use.
 */
final class LoopbackOpenAiServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;
    private final int delayMillis;
    private final AtomicLong requests = new AtomicLong();

    LoopbackOpenAiServer(int delayMillis) throws IOException {
        this.delayMillis = delayMillis;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-openai");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    long requests() {
        return requests.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            if (!ex.getRequestURI().getPath().endsWith("/chat/completions")) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            boolean user = body.contains("\"model\":\"bench-user\"") || body.contains("\"model\": \"bench-user\"");
            String text = user ? "what is 5 plus 7? I need the sum please" : "So the total is 12.";
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (String piece : text.split("(?<= )")) {
                    out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece
                            + "\"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
                }
                out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
