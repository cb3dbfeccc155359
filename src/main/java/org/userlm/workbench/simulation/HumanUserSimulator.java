package org.userlm.workbench.simulation;

import java.util.Iterator;
import java.util.List;
import org.userlm.workbench.inference.CancellationToken;

/** The researcher (or a script) writes the user turns. */
public final class HumanUserSimulator implements UserSimulator {
    private final HumanInput input;

    public HumanUserSimulator(HumanInput input) {
        this.input = input;
    }

    /** Plays the given lines in order, then ends the conversation. */
    public static HumanUserSimulator scripted(List<String> lines) {
        Iterator<String> it = List.copyOf(lines).iterator();
        return new HumanUserSimulator((state, cancel) -> {
            synchronized (it) {
                return it.hasNext() ? it.next() : null;
            }
        });
    }

    @Override
    public UserTurn nextTurn(SimulationState state, TurnStream stream, CancellationToken cancel) {
        String text;
        try {
            text = input.awaitTurn(state, cancel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new UserTurn("", "", false, true, List.of(), null, null, null, null, null);
        }
        if (cancel.isCancelled()) {
            return new UserTurn("", "", false, true, List.of(), null, null, null, null, null);
        }
        if (text == null) {
            return UserTurn.typed("", true);
        }
        Candidate c = Candidate.of(text, false, null);
        stream.onText(c.content());
        return UserTurn.typed(c.content(), c.ended());
    }

    @Override
    public String kind() {
        return "human";
    }

    @Override
    public String modelName() {
        return "human";
    }
}
