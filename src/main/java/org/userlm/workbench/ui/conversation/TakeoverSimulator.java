package org.userlm.workbench.ui.conversation;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.inference.CancellationToken;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.simulation.HumanUserSimulator;
import org.userlm.workbench.simulation.SimulationState;
import org.userlm.workbench.simulation.TurnStream;
import org.userlm.workbench.simulation.UserSimulator;
import org.userlm.workbench.simulation.UserTurn;

/**
 * The user side of a live conversation: the configured simulator, or the researcher while "take over" is on. The
 * switch applies from the next user turn; typed turns arrive from the FX thread through a queue.
 */
final class TakeoverSimulator implements UserSimulator {
    private final UserSimulator model;
    private final HumanUserSimulator human;
    private final BlockingQueue<String> typed = new LinkedBlockingQueue<>();
    private final Consumer<Boolean> awaiting;
    private volatile boolean takeOver;

    /** @param model the simulator, or null when the researcher writes every user turn */
    TakeoverSimulator(UserSimulator model, boolean takeOver, Consumer<Boolean> awaiting) {
        this.model = model;
        this.takeOver = takeOver;
        this.awaiting = awaiting;
        this.human = new HumanUserSimulator(this::awaitTyped);
    }

    void setTakeOver(boolean on) {
        takeOver = on;
    }

    /** FX thread: the researcher sent a turn. */
    void submit(String text) {
        typed.add(text);
    }

    private String awaitTyped(SimulationState state, CancellationToken cancel) throws InterruptedException {
        while (!cancel.isCancelled()) {
            String s = typed.poll(100, TimeUnit.MILLISECONDS);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    @Override
    public UserTurn nextTurn(SimulationState state, TurnStream stream, CancellationToken cancel)
            throws InferenceException {
        if (model != null && !takeOver) {
            return model.nextTurn(state, stream, cancel);
        }
        awaiting.accept(true);
        try {
            return human.nextTurn(state, stream, cancel);
        } finally {
            awaiting.accept(false);
        }
    }

    @Override
    public EndReason endBeforeTurn(SimulationState state) {
        return model != null && !takeOver ? model.endBeforeTurn(state) : null;
    }

    @Override
    public String kind() {
        return model == null ? human.kind() : model.kind();
    }

    @Override
    public String modelName() {
        // Read when a user turn starts: a typed turn is recorded as the human's, without model statistics.
        return model == null || takeOver ? human.modelName() : model.modelName();
    }
}
