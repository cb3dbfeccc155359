package org.userlm.workbench.simulation;

import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.ModelProvider;

/** Builds a {@link UserSimulator} from a simulator profile. */
public final class Simulators {
    /** vLLM strips special tokens by default, which would hide UserLM's end marker: UserLM servers get this body. */
    public static final String USERLM_EXTRA_BODY = "{\"skip_special_tokens\": false}";

    private Simulators() {
    }

    /**
     * The backend of a user simulator on an OpenAI-compatible server (CLI, compare profiles, the compare view): a
     * UserLM simulator gets {@link #USERLM_EXTRA_BODY} and, when its guardrails say so, server-side bans.
     *
     * @param extraBody the request's extra fields, or null for the default of {@code kind}
     */
    public static BackendSettings serverBackend(SimulatorKind kind, BackendKind endpoint, String url, String model,
                                                String apiKeyEnv, int timeoutSeconds, String chatTemplate,
                                                String extraBody, GuardrailSettings guardrails) {
        boolean userLm = kind == SimulatorKind.USERLM;
        String extra = extraBody != null ? extraBody : userLm ? USERLM_EXTRA_BODY : null;
        return new BackendSettings(endpoint, url, model, apiKeyEnv, null, timeoutSeconds, chatTemplate, extra,
                userLm && guardrails.useServerBans());
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
