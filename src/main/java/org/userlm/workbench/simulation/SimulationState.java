package org.userlm.workbench.simulation;

import java.util.List;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.Turn;

/**
 * What a user simulator may see when writing the next user turn: the task, the intent and the finished turns.
 * Never the assistant's system prompt. Immutable snapshot.
 *
 * @param task           the task (the sharded simulator reads its shards)
 * @param intent         the intent text
 * @param turns          finished turns so far, both roles, in order
 * @param seed           base seed of this conversation, or null
 */
public record SimulationState(Task task, String intent, List<Turn> turns, Long seed) {
    public SimulationState {
        turns = List.copyOf(turns);
    }

    /** The user's own earlier turns. */
    public List<String> userTurns() {
        return turns.stream().filter(t -> t.role() == Role.USER).map(Turn::content).toList();
    }

    /** Index the next turn will have. */
    public int nextIndex() {
        return turns.size();
    }

    /** A seed for one attempt of one turn, so that redraws differ while runs stay reproducible. */
    public Long seedFor(int attempt) {
        return seed == null ? null : seed * 1_000_003L + nextIndex() * 7_919L + attempt;
    }
}
