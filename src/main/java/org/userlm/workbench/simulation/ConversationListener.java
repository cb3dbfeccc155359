package org.userlm.workbench.simulation;

import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;

/**
 * Follows a running conversation. Every method fires on the runner's thread (never the FX thread); text arrives at
 * token rate, so a UI must buffer it and drain once per frame.
 */
public interface ConversationListener {
    /** A listener that ignores everything. */
    ConversationListener NONE = new ConversationListener() { };

    /** The conversation row exists (with any turns copied by a fork). */
    default void onConversationStarted(Conversation conversation) {
    }

    /** A turn starts streaming. */
    default void onTurnStarted(int index, Role role) {
    }

    /** More text of the streaming turn. */
    default void onText(int index, String delta) {
    }

    /** A guardrail rejected the candidate: the turn's text starts over. */
    default void onRedraw(int index, GuardrailEvent event) {
    }

    /** A turn reached a final state and is stored. */
    default void onTurnFinished(Turn turn) {
    }

    /** The conversation ended and is stored; {@code conversation.endedBy()} says why. */
    default void onConversationEnded(Conversation conversation) {
    }
}
