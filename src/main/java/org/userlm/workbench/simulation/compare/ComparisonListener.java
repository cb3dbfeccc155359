package org.userlm.workbench.simulation.compare;

import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;

/**
 * Follows a running comparison. Every callback fires on the thread of the conversation it concerns (never the FX
 * thread), several conversations at once: implementations must be thread-safe and buffer text for the UI.
 */
public interface ComparisonListener {
    /** A listener that ignores everything. */
    ComparisonListener NONE = new ComparisonListener() { };

    /** The conversation of (column, repeat) is stored and linked to the comparison. */
    default void onConversationStarted(int column, int repeat, Conversation conversation) {
    }

    /** A turn starts streaming. */
    default void onTurnStarted(int column, int repeat, int index, Role role) {
    }

    /** More text of the streaming turn. */
    default void onText(int column, int repeat, int index, String delta) {
    }

    /** A guardrail rejected the candidate: the turn's text starts over. */
    default void onRedraw(int column, int repeat, int index, GuardrailEvent event) {
    }

    /** A turn is final and stored. */
    default void onTurnFinished(int column, int repeat, Turn turn) {
    }

    /** The conversation ended and was graded. */
    default void onConversationDone(CompletedConversation done) {
    }

    /** The conversation could not start (e.g. a backend could not be opened). */
    default void onFailed(int column, int repeat, String message) {
    }

    /** Every conversation has ended. Fires on the comparison's coordinator thread. */
    default void onAllDone() {
    }
}
