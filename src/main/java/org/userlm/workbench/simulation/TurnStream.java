package org.userlm.workbench.simulation;

import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.inference.TokenListener;

/**
 * Streaming callbacks for one turn being written. Fired on the generating thread (never the FX thread).
 */
public interface TurnStream extends TokenListener {
    /** A no-op stream. */
    TurnStream NONE = new TurnStream() {
        @Override
        public void onText(String delta) {
        }

        @Override
        public void onRedraw(GuardrailEvent event) {
        }
    };

    /** The candidate streamed so far was rejected by a guardrail; the text shown for this turn starts over. */
    void onRedraw(GuardrailEvent event);
}
