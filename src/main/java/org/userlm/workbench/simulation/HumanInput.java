package org.userlm.workbench.simulation;

import org.userlm.workbench.inference.CancellationToken;

/** Where a typed user turn comes from (the UI's takeover box, or a script in tests). */
@FunctionalInterface
public interface HumanInput {
    /**
     * Blocks until the researcher has typed the next user turn.
     *
     * @return the text (containing {@code <|endconversation|>} or being null ends the conversation)
     * @throws InterruptedException when the wait is interrupted
     */
    String awaitTurn(SimulationState state, CancellationToken cancel) throws InterruptedException;
}
