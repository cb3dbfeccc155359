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

    final Kind kind;
    final String text;
    final List<String> pieces;
    final int chunkSize;
    final int delayMillis;
    final String finishReason;
    final int[] usage;
    final boolean sendDone;
    final int status;
    /** The content type (RAW, HANG, HTTP_ERROR) or the in-stream error message (STREAM_ERROR). */
    final String detail;

    private Reply(Kind kind, String text, List<String> pieces, int chunkSize, int delayMillis, String finishReason,
                  int[] usage, boolean sendDone, int status, String detail) {
        this.kind = kind;
        this.text = text;
        this.pieces = pieces;
        this.chunkSize = chunkSize;
        this.delayMillis = delayMillis;
        this.finishReason = finishReason;
        this.usage = usage;
        this.sendDone = sendDone;
        this.status = status;
        this.detail = detail;
    }

    private static Reply of(Kind kind, String text, int status, String detail) {
        return new Reply(kind, Objects.requireNonNull(text, "text"), null, 0, 0, "stop", null, true, status,
                detail);
    }

    /** A normal answer: {@code text}, cut into word-sized chunks, ending with {@code finish_reason: stop}. */
    public static Reply text(String text) {
        return of(Kind.TEXT, text, 200, null);
    }

    /** Streams {@code partialText} and then cuts the connection without a finish reason or {@code [DONE]}. */
    public static Reply dropAfter(String partialText) {
        return of(Kind.DROP, partialText, 200, null);
    }

    /** Streams {@code partialText}, then an in-stream {@code {"error": {"message": message}}} chunk. */
    public static Reply streamError(String partialText, String message) {
        return new Reply(Kind.STREAM_ERROR, Objects.requireNonNull(partialText, "partialText"), null, 0, 0, null,
                null, false, 200, Objects.requireNonNull(message, "message"));
    }

    /** An HTTP error with body {@code {"error": {"message": message, "type": ..., "code": status}}}. */
    public static Reply httpError(int status, String message) {
        return of(Kind.HTTP_ERROR, message, status, "application/json");
    }

    /** Sends 200 and the SSE headers, then nothing; released (connection cut) when the server closes. */
    public static Reply hang() {
        return of(Kind.HANG, "", 200, "text/event-stream");
    }

    /** An exact body (e.g. hand-written SSE with comments, CRLF or a malformed chunk) with status 200. */
    public static Reply raw(String contentType, String body) {
        return of(Kind.RAW, body, 200, contentType);
    }

    /** Raw server-sent events: {@code raw("text/event-stream", body)}. */
    public static Reply rawSse(String body) {
        return raw("text/event-stream", body);
    }

    /** Streams exactly these pieces (their concatenation replaces the text). */
    public Reply chunks(String... newPieces) {
        String joined = String.join("", newPieces);
        return new Reply(kind, joined, List.of(newPieces), 0, delayMillis, finishReason, usage, sendDone, status,
                detail);
    }

    /** Streams the text in pieces of {@code chars} characters. */
    public Reply chunkSize(int chars) {
        if (chars <= 0) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        return new Reply(kind, text, null, chars, delayMillis, finishReason, usage, sendDone, status, detail);
    }

    /** Waits this long between two chunks (also before the finish chunk). */
    public Reply delayMillis(int millis) {
        return new Reply(kind, text, pieces, chunkSize, millis, finishReason, usage, sendDone, status, detail);
    }

    /** The finish reason ({@code "stop"}, {@code "length"}, ...), or null to send none (then only {@code [DONE]}). */
    public Reply finishReason(String reason) {
        return new Reply(kind, text, pieces, chunkSize, delayMillis, reason, usage, sendDone, status, detail);
    }

    /** The token counts reported in {@code usage} (default: words of the prompt, number of chunks). */
    public Reply usage(int promptTokens, int completionTokens) {
        return new Reply(kind, text, pieces, chunkSize, delayMillis, finishReason,
                new int[] {promptTokens, completionTokens}, sendDone, status, detail);
    }

    /** Ends the stream after the finish reason without {@code data: [DONE]} (as some servers do). */
    public Reply withoutDone() {
        return new Reply(kind, text, pieces, chunkSize, delayMillis, finishReason, usage, false, status, detail);
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
