package org.userlm.workbench.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One scripted answer of a {@link ScriptedOpenAiServer}. Immutable: every fluent method returns a copy, so a
 * reply can be built once and enqueued many times.
 *
 * <pre>{@code
 * Reply.text("Hi there, I need help").chunks("Hi", " there", ", I need help").delayMillis(20)
 * Reply.text("long answer").finishReason("length").usage(12, 3)
 * Reply.dropAfter("half a sen")          // partial chunks, then the connection is cut
 * Reply.httpError(404, "The model `x` does not exist.")
 * Reply.hang()                           // headers, then silence until the server closes
 * }</pre>
 *
 * <p>Whether the reply is streamed (SSE) or one JSON body follows the request's {@code stream} field,
 * like vLLM. In a stream, chat chunks carry {@code choices[0].delta.content}, completion chunks
 * {@code choices[0].text}; a usage chunk is sent when the request asks for {@code stream_options.include_usage}.
 */
public final class Reply {
    /** What the server does with the reply. */
    public enum Kind {
        /** Text, streamed or whole, with a finish reason. */
        TEXT,
        /** Partial text, then the connection is cut: no finish reason, no {@code [DONE]}. */
        DROP,
        /** Partial text, then an SSE {@code {"error": ...}} chunk (streams) or an HTTP 500 (non-streaming). */
        STREAM_ERROR,
        /** An HTTP error status with an OpenAI-style error body. */
        HTTP_ERROR,
        /** Headers, then nothing until the server closes. */
        HANG,
        /** An exact response body, sent as given with the content type. */
        RAW
    }

    // Set only on fresh copies inside this class, never after a reply is handed out: effectively immutable.
    Kind kind;
    String text;
    List<String> pieces;
    int chunkSize;
    int delayMillis;
    int headerDelayMillis;
    String finishReason = "stop";
    int[] usage;
    boolean sendDone = true;
    int status = 200;
    /** The content type (RAW, HANG) or the in-stream error message (STREAM_ERROR). */
    String detail;

    private Reply(Kind kind, String text) {
        this.kind = kind;
        this.text = Objects.requireNonNull(text, "text");
    }

    private Reply copy() {
        Reply r = new Reply(kind, text);
        r.pieces = pieces;
        r.chunkSize = chunkSize;
        r.delayMillis = delayMillis;
        r.headerDelayMillis = headerDelayMillis;
        r.finishReason = finishReason;
        r.usage = usage;
        r.sendDone = sendDone;
        r.status = status;
        r.detail = detail;
        return r;
    }

    /** A normal answer: {@code text}, cut into word-sized chunks, ending with {@code finish_reason: stop}. */
    public static Reply text(String text) {
        return new Reply(Kind.TEXT, text);
    }

    /** Streams {@code partialText} and then cuts the connection without a finish reason or {@code [DONE]}. */
    public static Reply dropAfter(String partialText) {
        return new Reply(Kind.DROP, partialText);
    }

    /**
     * Streams {@code partialText}, then an in-stream {@code {"error": {"message": message}}} chunk and ends
     * (non-streaming requests get an HTTP 500 with that message).
     */
    public static Reply streamError(String partialText, String message) {
        Reply r = new Reply(Kind.STREAM_ERROR, partialText);
        r.detail = Objects.requireNonNull(message, "message");
        return r;
    }

    /** An HTTP error with body {@code {"error": {"message": message, "type": ..., "code": status}}}. */
    public static Reply httpError(int status, String message) {
        Reply r = new Reply(Kind.HTTP_ERROR, message);
        r.status = status;
        return r;
    }

    /** Sends 200 and the SSE headers, then nothing; released (connection cut) when the server closes. */
    public static Reply hang() {
        Reply r = new Reply(Kind.HANG, "");
        r.detail = "text/event-stream";
        return r;
    }

    /** An exact body (e.g. hand-written SSE with comments, CRLF or a malformed chunk) with status 200. */
    public static Reply raw(String contentType, String body) {
        Reply r = new Reply(Kind.RAW, body);
        r.detail = Objects.requireNonNull(contentType, "contentType");
        return r;
    }

    /** Raw server-sent events: {@code raw("text/event-stream", body)}. */
    public static Reply rawSse(String body) {
        return raw("text/event-stream", body);
    }

    /** Streams exactly these pieces (their concatenation replaces the text). */
    public Reply chunks(String... newPieces) {
        Reply r = copy();
        r.pieces = List.of(newPieces);
        r.text = String.join("", newPieces);
        r.chunkSize = 0;
        return r;
    }

    /** Streams the text in pieces of {@code chars} characters. */
    public Reply chunkSize(int chars) {
        if (chars <= 0) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        Reply r = copy();
        r.chunkSize = chars;
        r.pieces = null;
        return r;
    }

    /** Waits this long between two chunks and before the finish chunk (non-streaming: once, before the body). */
    public Reply delayMillis(int millis) {
        Reply r = copy();
        r.delayMillis = millis;
        return r;
    }

    /** Waits this long before sending the response headers (a slow prefill, or a header timeout). */
    public Reply headerDelayMillis(int millis) {
        Reply r = copy();
        r.headerDelayMillis = millis;
        return r;
    }

    /** The finish reason ({@code "stop"}, {@code "length"}, ...), or null to send none (then only {@code [DONE]}). */
    public Reply finishReason(String reason) {
        Reply r = copy();
        r.finishReason = reason;
        return r;
    }

    /** The token counts reported in {@code usage} (default: words of the prompt, number of chunks). */
    public Reply usage(int promptTokens, int completionTokens) {
        Reply r = copy();
        r.usage = new int[] {promptTokens, completionTokens};
        return r;
    }

    /** Ends the stream after the finish reason without {@code data: [DONE]} (as some servers do). */
    public Reply withoutDone() {
        Reply r = copy();
        r.sendDone = false;
        return r;
    }

    /** The full text of this reply (for TEXT, DROP and STREAM_ERROR: what is streamed). */
    public String fullText() {
        return text;
    }

    /** The pieces the text is streamed in. */
    List<String> pieces() {
        if (pieces != null) {
            return pieces;
        }
        List<String> out = new ArrayList<>();
        if (chunkSize > 0) {
            for (int i = 0; i < text.length(); i += chunkSize) {
                out.add(text.substring(i, Math.min(text.length(), i + chunkSize)));
            }
            return out;
        }
        for (String w : text.split("(?<=\\s)(?=\\S)")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Reply[" + kind + ", " + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "]";
    }
}
