package org.userlm.workbench.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Writes a {@link Reply} the way vLLM would. One per server; used by its handler threads concurrently. */
final class ReplyWriter {
    /** Thrown out of a handler so that the HTTP server cuts the connection without ending the chunked body. */
    static final class CutConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CutConnection() {
            super("scripted connection cut", null, false, false);
        }
    }

    private static final AtomicLong IDS = new AtomicLong();
    private final ObjectMapper json;
    private final CountDownLatch closed;

    ReplyWriter(ObjectMapper json, CountDownLatch closed) {
        this.json = json;
        this.closed = closed;
    }

    void write(HttpExchange ex, RecordedRequest req, Reply reply) throws IOException {
        pause(reply.headerDelayMillis);
        switch (reply.kind) {
            case HTTP_ERROR -> sendError(ex, reply.status, reply.text);
            case RAW -> {
                ex.getResponseHeaders().set("Content-Type", reply.detail);
                ex.sendResponseHeaders(200, 0);
                ex.getResponseBody().write(reply.text.getBytes(StandardCharsets.UTF_8));
            }
            case HANG -> {
                startStream(ex);
                pause(Long.MAX_VALUE);
            }
            default -> {
                if (req.stream()) {
                    stream(ex, req, reply);
                } else {
                    whole(ex, req, reply);
                }
            }
        }
    }

    void sendError(HttpExchange ex, int status, String message) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.putObject("error").put("message", message).put("type", status == 404 ? "NotFoundError" : "Error")
                .put("code", status);
        sendJson(ex, status, body);
    }

    void sendJson(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private void whole(HttpExchange ex, RecordedRequest req, Reply reply) throws IOException {
        if (reply.kind == Reply.Kind.DROP) {
            startStream(ex);
            throw new CutConnection();
        }
        if (reply.kind == Reply.Kind.STREAM_ERROR) {
            sendError(ex, 500, reply.detail);
            return;
        }
        ObjectNode body = envelope(req, false);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        if (req.isChat()) {
            choice.putObject("message").put("role", "assistant").put("content", reply.text);
        } else {
            choice.put("text", reply.text);
        }
        choice.put("finish_reason", reply.finishReason);
        body.set("usage", usage(req, reply, reply.pieces().size()));
        pause(reply.delayMillis);
        sendJson(ex, 200, body);
    }

    private void stream(HttpExchange ex, RecordedRequest req, Reply reply) throws IOException {
        OutputStream out = startStream(ex);
        if (req.isChat()) {
            event(out, chunk(req, "", null, true));
        }
        List<String> pieces = reply.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                pause(reply.delayMillis);
            }
            event(out, chunk(req, pieces.get(i), null, false));
        }
        if (reply.kind == Reply.Kind.DROP) {
            // Let the client read what was sent: an abrupt cut can make its TCP stack discard unread bytes.
            pause(200);
            throw new CutConnection();
        }
        if (reply.kind == Reply.Kind.STREAM_ERROR) {
            ObjectNode err = json.createObjectNode();
            err.putObject("error").put("message", reply.detail).put("type", "InternalServerError").put("code", 500);
            data(out, json.writeValueAsString(err));
            return;
        }
        pause(pieces.isEmpty() ? 0 : reply.delayMillis);
        if (reply.finishReason != null) {
            event(out, chunk(req, "", reply.finishReason, false));
        }
        if (req.body().path("stream_options").path("include_usage").asBoolean(false)) {
            ObjectNode u = envelope(req, true);
            u.putArray("choices");
            u.set("usage", usage(req, reply, pieces.size()));
            event(out, u);
        }
        if (reply.sendDone) {
            data(out, "[DONE]");
        }
    }

    private OutputStream startStream(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        out.flush();
        return out;
    }

    /** A streamed chunk: {@code delta} for chat (with the role when {@code role}), {@code text} otherwise. */
    private ObjectNode chunk(RecordedRequest req, String content, String finish, boolean role) {
        ObjectNode body = envelope(req, true);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        if (req.isChat()) {
            ObjectNode delta = choice.putObject("delta");
            if (role) {
                delta.put("role", "assistant");
            }
            if (content != null) {
                delta.put("content", content);
            }
        } else {
            choice.put("text", content == null ? "" : content);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finish);
        return body;
    }

    private void event(OutputStream out, ObjectNode body) throws IOException {
        data(out, json.writeValueAsString(body));
    }

    private static void data(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private ObjectNode envelope(RecordedRequest req, boolean streaming) {
        ObjectNode body = json.createObjectNode();
        body.put("id", (req.isChat() ? "chatcmpl-" : "cmpl-") + IDS.incrementAndGet());
        body.put("object", req.isChat() ? (streaming ? "chat.completion.chunk" : "chat.completion")
                : "text_completion");
        body.put("created", System.currentTimeMillis() / 1000);
        body.put("model", req.model());
        return body;
    }

    private ObjectNode usage(RecordedRequest req, Reply reply, int chunks) {
        int prompt;
        int completion;
        if (reply.usage != null) {
            prompt = reply.usage[0];
            completion = reply.usage[1];
        } else {
            String promptText = req.isChat() ? req.body().path("messages").toString() : String.valueOf(req.prompt());
            prompt = promptText.isBlank() ? 0 : promptText.strip().split("\\s+").length;
            completion = chunks;
        }
        return json.createObjectNode().put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    /** Sleeps, or cuts the connection at once when the server is closing. */
    private void pause(long millis) {
        if (millis <= 0 && closed.getCount() > 0) {
            return;
        }
        try {
            if (closed.await(millis, TimeUnit.MILLISECONDS)) {
                throw new CutConnection();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CutConnection();
        }
    }
}
