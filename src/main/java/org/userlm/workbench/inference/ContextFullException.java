package org.userlm.workbench.inference;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conversation no longer fits the model's context window (UserLM-8b: 8,192 tokens). Not a backend failure:
 * the runner ends the conversation with {@code context_full} and keeps the token count; nothing is truncated.
 */
public final class ContextFullException extends InferenceException {
    private static final long serialVersionUID = 1L;
    private static final Pattern LIMIT = Pattern.compile("(?i)maximum (?:context|input) length is (\\d+)");
    private static final Pattern TOKENS = Pattern.compile(
            "(?i)(?:(\\d+) (?:tokens )?in the messages|resulted in (\\d+) tokens|requested (\\d+) tokens"
                    + "|prompt \\(length (\\d+)\\)|prompt of (\\d+) tokens)");
    private final int tokens;
    private final int limit;

    /**
     * @param tokens      tokens the conversation needed (prompt, or prompt plus generated so far), or -1 if unknown
     * @param limit       the model's context length, or -1 if unknown
     * @param partialText text generated before the context filled up
     */
    public ContextFullException(String message, int tokens, int limit, String partialText) {
        super(message, partialText, null);
        this.tokens = tokens;
        this.limit = limit;
    }

    /** Tokens the conversation needed, or -1 when the backend did not say. */
    public int tokens() {
        return tokens;
    }

    /** The model's context length, or -1 when the backend did not say. */
    public int limit() {
        return limit;
    }

    /** A one-line description with the token count: {@code context_full: 8,300 tokens > context 8,192}. */
    public String describe() {
        return "context_full: " + (tokens < 0 ? "?" : String.format(Locale.ROOT, "%,d", tokens))
                + " tokens > context " + (limit < 0 ? "?" : String.format(Locale.ROOT, "%,d", limit))
                + " (" + getMessage() + ")";
    }

    /**
     * Recognises a server's "context length exceeded" message (vLLM, OpenAI and compatible servers) and returns
     * the exception for it, or null when the message is about something else.
     */
    public static ContextFullException fromServerMessage(String message) {
        if (message == null) {
            return null;
        }
        String m = message.toLowerCase(Locale.ROOT);
        boolean context = m.contains("context length") || m.contains("context window")
                || m.contains("maximum input length") || m.contains("context_length_exceeded")
                || m.contains("prompt is too long");
        if (!context) {
            return null;
        }
        Matcher l = LIMIT.matcher(message);
        int limit = l.find() ? Integer.parseInt(l.group(1)) : -1;
        int tokens = -1;
        Matcher t = TOKENS.matcher(message);
        if (t.find()) {
            for (int g = 1; g <= t.groupCount(); g++) {
                if (t.group(g) != null) {
                    tokens = Integer.parseInt(t.group(g));
                    break;
                }
            }
        }
        return new ContextFullException(message, tokens, limit, "");
    }
}
