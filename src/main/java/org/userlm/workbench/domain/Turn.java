package org.userlm.workbench.domain;

import java.util.List;
import java.util.Objects;

/**
 * One stored message of a conversation.
 *
 * @param index            0-based position in the conversation
 * @param role             USER or ASSISTANT
 * @param content          what the other side saw: stripped, no end marker
 * @param rawText          what the backend produced for the kept candidate (before stripping), for audit
 * @param status           life-cycle state; stored turns are final unless a crash interrupted them
 * @param error            short error message for FAILED turns, else null
 * @param startedAtMs      epoch millis the turn started
 * @param firstTokenMs     millis from start to the first streamed token, or null
 * @param durationMs       millis from start to the end, or null while streaming
 * @param promptTokens     prompt tokens reported by the backend, or null
 * @param completionTokens generated tokens reported by the backend (or counted chunks), or null
 * @param params           the sampling parameters used
 * @param model            the model name that produced it ({@code human} for typed turns)
 * @param guardrailEvents  guardrail firings while producing this turn, in order
 * @param endsConversation true when this user turn carried {@code <|endconversation|>}
 * @param shardId          the shard this user turn revealed (sharded simulator), or null
 */
public record Turn(int index, Role role, String content, String rawText, TurnStatus status, String error,
                   long startedAtMs, Long firstTokenMs, Long durationMs, Integer promptTokens,
                   Integer completionTokens, GenerationParams params, String model,
                   List<GuardrailEvent> guardrailEvents, boolean endsConversation,
                   Integer shardId) {
    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        content = content == null ? "" : content;
        guardrailEvents = List.copyOf(guardrailEvents == null ? List.of() : guardrailEvents);
    }

    /** A finished human-typed or scripted turn. */
    public static Turn typed(int index, Role role, String content) {
        return new Turn(index, role, content, content, TurnStatus.COMPLETE, null, System.currentTimeMillis(),
                null, 0L, null, null, null, "human", List.of(), false, null);
    }

    /** A copy with new content (used by edit-and-fork). */
    public Turn withContent(String newContent) {
        return new Turn(index, role, newContent, newContent, status, error, startedAtMs, firstTokenMs, durationMs,
                promptTokens, completionTokens, params, model, guardrailEvents, endsConversation, shardId);
    }

    /** A copy at another index. */
    public Turn withIndex(int newIndex) {
        return new Turn(newIndex, role, content, rawText, status, error, startedAtMs, firstTokenMs, durationMs,
                promptTokens, completionTokens, params, model, guardrailEvents, endsConversation, shardId);
    }

    /** Tokens per second over the generation, or NaN when unknown. */
    public double tokensPerSecond() {
        if (completionTokens == null || durationMs == null || durationMs <= 0) {
            return Double.NaN;
        }
        return completionTokens * 1000.0 / durationMs;
    }
}
