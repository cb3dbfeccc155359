package org.userlm.workbench.simulation;

import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.InferenceException;

/**
 * Writes the user side of a conversation. One instance serves one conversation at a time; implementations derive
 * all state from the {@link SimulationState} so a forked conversation can continue with a fresh instance.
 */
public interface UserSimulator {

    /**
     * Writes the next user turn, streaming it to {@code stream} on the calling thread.
     *
     * @throws InferenceException when the backend fails; its partial text is kept on the failed turn
     */
    UserTurn nextTurn(SimulationState state, TurnStream stream, CancellationToken cancel) throws InferenceException;

    /**
     * Asked before each user turn: a reason to end the conversation now without another user turn, or null to go
     * on (the sharded simulator ends with {@code all_shards_revealed} once every shard is out and answered).
     */
    default EndReason endBeforeTurn(SimulationState state) {
        return null;
    }

    /** {@code userlm}, {@code prompted}, {@code sharded} or {@code human}. */
    String kind();

    /** The model that plays the user ({@code human} for typed turns). */
    String modelName();
}
