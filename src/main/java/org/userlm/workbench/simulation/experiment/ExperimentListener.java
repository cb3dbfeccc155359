package org.userlm.workbench.simulation.experiment;

import org.userlm.workbench.domain.ExperimentSlot;

/** Callbacks of a running experiment; they fire on worker threads (hand off to the FX thread in batches). */
public interface ExperimentListener {
    /** Ignores everything. */
    ExperimentListener NONE = new ExperimentListener() { };

    /** A slot ended (done or failed) and is stored. */
    default void onSlotFinished(ExperimentSlot slot, ExperimentProgress progress) {
    }

    /** The run ended (all done, or cancelled); the status is stored. */
    default void onFinished(ExperimentProgress progress) {
    }
}
