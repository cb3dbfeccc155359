package org.userlm.workbench.inference.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import org.userlm.workbench.inference.FinishReason;
import org.userlm.workbench.inference.GenerationResult;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.TokenListener;
import org.userlm.workbench.inference.TurnLimits;

/**
 * Turns one server reply (a stream of SSE chunks or one JSON body) into text, a finish reason and token counts,
 * forwarding text to the listener as it arrives. One per generation; used by the reading thread only.
 */
final class CompletionReader {
    private final ObjectMapper json;
    private final TokenListener listener;
    private final long startNanos;
    private final StringBuilder text = new StringBuilder();
    private String finishReason;
    private boolean done;
    private int promptTokens = -1;
    private int completionTokens = -1;
    private int chunks;
    private long firstTokenNanos = -1;
    private final int tokenCap;
    private final int maxChars;
    private final long maxNanos;

    CompletionReader(ObjectMapper json, TokenListener listener, long startNanos) {
        this(json, listener, startNanos, -1, TurnLimits.defaults());
    }

    /**
     * @param tokenCap most chunks (about one token each) before the reply is stopped; -1 for none
     * @param limits   character and duration caps
     */
    CompletionReader(ObjectMapper json, TokenListener listener, long startNanos, int tokenCap, TurnLimits limits) {
        this.json = json;
        this.listener = listener;
        this.startNanos = startNanos;
        this.tokenCap = tokenCap;
        this.maxChars = limits.maxChars();
        this.maxNanos = limits.maxDuration().toNanos();
    }

    /** Stops a reply past the client-side limits (the server may ignore max_tokens or never end). */
    private void checkLimits() throws InferenceException {
        if (tokenCap > 0 && chunks > tokenCap) {
            throw new InferenceException("the reply passed the client-side limit of " + tokenCap
                    + " tokens (the server did not stop at max_tokens); the turn was stopped", text(), null);
        }
        if (text.length() > maxChars) {
            throw new InferenceException("the reply passed the client-side limit of " + maxChars
                    + " characters per turn; the turn was stopped", text(), null);
        }
        if (System.nanoTime() - startNanos > maxNanos) {
            throw new InferenceException("the reply took longer than the client-side limit of "
                    + maxNanos / 1_000_000_000L + " s per turn; the turn was stopped", text(), null);
        }
    }

    /**
     * Reads SSE events until {@code [DONE]} or the end of the stream.
     *
     * @throws IOException          when the connection fails (the caller decides what that means)
     * @throws InferenceException   on a malformed chunk or an error object sent by the server
     */
    void readStream(Reader in) throws IOException, InferenceException {
        SseParser sse = new SseParser(in);
        String data;
        while ((data = sse.next()) != null) {
            if (data.strip().equals("[DONE]")) {
                done = true;
                return;
            }
            checkLimits();
            if (data.isBlank()) {
                continue;
            }
            accept(parse(data), true);
            checkLimits();
        }
    }

    /** Reads a complete non-streaming JSON body. */
    void readWhole(String body) throws InferenceException {
        accept(parse(body), false);
        done = true;
        if (text.length() > maxChars) {
            throw new InferenceException("the reply passed the client-side limit of " + maxChars
                    + " characters per turn", text(), null);
        }
    }

    /** Whether the server said it was done ({@code [DONE]} or a finish reason). */
    boolean finished() {
        return done || finishReason != null;
    }

    /** Whether a finish reason arrived. */
    boolean hasFinishReason() {
        return finishReason != null;
    }

    /** Text received so far. */
    String text() {
        return text.toString();
    }

    /** The result, with {@code override} as finish reason when not null. */
    GenerationResult result(FinishReason override) {
        FinishReason reason = override != null ? override
                : "length".equals(finishReason) ? FinishReason.LENGTH : FinishReason.STOP;
        int completion = completionTokens >= 0 ? completionTokens : chunks > 0 || done ? chunks : -1;
        return new GenerationResult(text.toString(), reason, promptTokens, completion, firstTokenNanos,
                System.nanoTime() - startNanos);
    }

    private JsonNode parse(String data) throws InferenceException {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new InferenceException("malformed JSON from server: " + abbreviate(data), text(), e);
        }
    }

    private void accept(JsonNode node, boolean streaming) throws InferenceException {
        if (!node.isObject()) {
            throw new InferenceException("malformed JSON from server: " + abbreviate(node.toString()), text(), null);
        }
        JsonNode error = node.get("error");
        if (error != null && !error.isNull()) {
            throw new InferenceException("server error: " + HttpErrors.messageOf(node), text(), null);
        }
        JsonNode choice = node.path("choices").path(0);
        if (choice.isObject()) {
            String piece = content(choice, streaming);
            if (piece != null && !piece.isEmpty()) {
                if (firstTokenNanos < 0) {
                    firstTokenNanos = System.nanoTime() - startNanos;
                }
                text.append(piece);
                chunks++;
                listener.onText(piece);
            }
            JsonNode fr = choice.get("finish_reason");
            if (fr != null && fr.isTextual()) {
                finishReason = fr.asText();
            }
        }
        JsonNode usage = node.get("usage");
        if (usage != null && usage.isObject()) {
            promptTokens = usage.path("prompt_tokens").asInt(promptTokens);
            completionTokens = usage.path("completion_tokens").asInt(completionTokens);
        }
    }

    /** Chat delta or message content, or completion text. */
    private static String content(JsonNode choice, boolean streaming) {
        JsonNode holder = choice.get(streaming ? "delta" : "message");
        if (holder != null && holder.path("content").isTextual()) {
            return holder.get("content").asText();
        }
        JsonNode t = choice.get("text");
        return t != null && t.isTextual() ? t.asText() : null;
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
