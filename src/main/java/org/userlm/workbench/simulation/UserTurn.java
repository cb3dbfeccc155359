package org.userlm.workbench.simulation;

import java.util.List;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.GuardrailEvent;

/**
 * A user simulator's answer.
 *
 * @param content           the message the assistant will see (stripped, no end marker); may be empty when ending
 * @param rawText           the kept candidate as the backend produced it
 * @param endsConversation  the user is done (end marker, or all shards revealed)
 * @param cancelled         generation was cancelled; content holds the partial text
 * @param events            guardrail firings while producing it
 * @param params            sampling parameters of the kept candidate
 * @param promptTokens      prompt tokens of the kept candidate, or null
 * @param completionTokens  completion tokens of the kept candidate, or null
 * @param firstTokenMs      millis to the first token of the kept candidate, or null
 * @param shardId           the shard revealed (sharded simulator), or null
 */
public record UserTurn(String content, String rawText, boolean endsConversation, boolean cancelled,
                       List<GuardrailEvent> events, GenerationParams params, Integer promptTokens,
                       Integer completionTokens, Long firstTokenMs, Integer shardId) {
    public UserTurn {
        events = List.copyOf(events == null ? List.of() : events);
    }

    /** A typed or scripted turn. */
    public static UserTurn typed(String content, boolean ends) {
        return new UserTurn(content, content, ends, false, List.of(), null, null, null, null, null);
    }
}
