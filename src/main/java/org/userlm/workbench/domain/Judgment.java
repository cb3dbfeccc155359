package org.userlm.workbench.domain;

import java.util.Objects;

/**
 * A blind pairwise judgment of two user simulators: the researcher saw two conversations (or two user turns) with
 * the simulator names hidden, in random order, and picked the more human-like user.
 *
 * @param id                  UUID string
 * @param comparisonId        the comparison the pair came from, or null
 * @param taskId              the task both conversations pursued
 * @param leftConversationId  the conversation shown on the left
 * @param rightConversationId the conversation shown on the right
 * @param leftProfile         the left simulator profile's name (hidden while judging)
 * @param rightProfile        the right simulator profile's name (hidden while judging)
 * @param turnIndex           the user turn judged (0-based among user turns), or null for whole conversations
 * @param winner              left, right or tie
 * @param judge               who judged
 * @param createdAtMs         epoch millis
 */
public record Judgment(String id, String comparisonId, String taskId, String leftConversationId,
                       String rightConversationId, String leftProfile, String rightProfile, Integer turnIndex,
                       JudgmentWinner winner, String judge, long createdAtMs) {
    public Judgment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leftProfile, "leftProfile");
        Objects.requireNonNull(rightProfile, "rightProfile");
        Objects.requireNonNull(winner, "winner");
    }
}
