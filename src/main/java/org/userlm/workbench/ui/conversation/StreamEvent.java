package org.userlm.workbench.ui.conversation;

import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;

/** What happened on a runner thread, queued for the FX thread. */
public sealed interface StreamEvent {
    record Started(Conversation conversation) implements StreamEvent { }

    record TurnStarted(int index, Role role) implements StreamEvent { }

    record Text(int index, String delta) implements StreamEvent { }

    record Redraw(int index, GuardrailEvent event) implements StreamEvent { }

    record TurnFinished(Turn turn) implements StreamEvent { }

    record Ended(Conversation conversation) implements StreamEvent { }

    /** The conversation could not start (no model, bad settings): shown as a failed turn with Retry. */
    record Failed(String message) implements StreamEvent { }

    /** A model is loading (fraction 0..1, or negative when unknown). */
    record Loading(String stage, double fraction) implements StreamEvent { }

    /** The runner waits for (or stopped waiting for) a typed user turn. */
    record AwaitingHuman(boolean waiting) implements StreamEvent { }
}
