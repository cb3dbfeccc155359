package org.userlm.workbench.simulation;

import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.ModelProvider;

/** Builds a {@link UserSimulator} from a simulator profile. */
public final class Simulators {
    private Simulators() {
    }

    /**
     * Creates the simulator a profile describes.
     *
     * @param human where typed turns come from (HUMAN profiles), may be null otherwise
     */
    public static UserSimulator create(SimulatorSettings s, ModelProvider models, HumanInput human)
            throws InferenceException {
        return switch (s.kind()) {
            case USERLM -> new UserLmSimulator(open(s, models), s.params(), s.guardrails());
            case PROMPTED -> new PromptedUserSimulator(open(s, models), s.params(), s.userPrompt(),
                    s.guardrails().maxRetries());
            case SHARDED -> new ShardedRevealSimulator(open(s, models), s.params(), s.userPrompt(),
                    s.guardrails().maxRetries());
            case HUMAN -> new HumanUserSimulator(human == null ? (state, cancel) -> null : human);
        };
    }

    private static ChatModel open(SimulatorSettings s, ModelProvider models) throws InferenceException {
        if (s.backend() == null) {
            throw new InferenceException("simulator \"" + s.name() + "\" has no model configured");
        }
        return models.open(s.backend());
    }
}
